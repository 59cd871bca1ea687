package dev.atomizer.render;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import java.util.List;
import java.util.function.Function;

/** What a formatter that writes to an {@link Appendable} makes of some diagnostics. */
final class Rendered {

    private Rendered() {}

    static String by(Function<Appendable, Formatter> formatter, List<Diagnostic> ds, FileSummary s)
            throws AtomizerException {
        StringBuilder out = new StringBuilder();
        Formats.write(formatter.apply(out), ds, s);
        return out.toString();
    }
}
