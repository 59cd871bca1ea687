package dev.atomizer.render;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import java.io.IOException;

/** {@code path:line:col: severity [rule] message}, one line each (the README's "Output formats"). */
public final class TextFormatter implements Formatter {

    private final Appendable out;

    public TextFormatter(Appendable out) {
        this.out = out;
    }

    @Override
    public void diagnostic(Diagnostic d) throws IOException {
        out.append(d.toText()).append('\n');
    }

    @Override
    public void finish(FileSummary summary) {
        // the summary line is the caller's (stderr), so stdout stays one diagnostic per line
    }

    /** "12 entries: 2 errors, 1 warning" */
    public static String summaryLine(FileSummary s) {
        return s.entries()
                + (s.entries() == 1 ? " entry: " : " entries: ")
                + s.errors()
                + (s.errors() == 1 ? " error, " : " errors, ")
                + s.warnings()
                + (s.warnings() == 1 ? " warning" : " warnings");
    }
}
