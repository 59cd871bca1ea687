package dev.atomizer.render;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import java.io.IOException;

/**
 * Writes diagnostics in one output format as they arrive, then the summary. The seam for every
 * format: text and json here; sarif, github and markdown plug in the same way.
 */
public interface Formatter {

    void diagnostic(Diagnostic d) throws IOException;

    /** Called once, after the last diagnostic. */
    void finish(FileSummary summary) throws IOException;
}
