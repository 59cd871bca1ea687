package dev.atomizer.report;

import dev.atomizer.log.FieldLine;
import dev.atomizer.log.LogParser;
import dev.atomizer.log.RawEntry;
import dev.atomizer.log.Utf8LineReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Detail fields of a few entries, read back from the log. {@link dev.atomizer.state.Entry}
 * leaves Detail out to stay small; the closeout report needs it for a handful of entries only.
 */
final class Details {

    private Details() {}

    /** Entry heading line to its Detail (whole, multi-line), for the entries at {@code lines} that have one. */
    static Map<Integer, String> of(dev.atomizer.derive.Sources sources, Set<Integer> lines)
            throws IOException, dev.atomizer.api.AtomizerException {
        Map<Integer, String> out = new HashMap<>();
        if (lines.isEmpty()) {
            return out;
        }
        try (java.io.InputStream in = sources.openLog()) {
            LogParser.parse(new Utf8LineReader(in), raw -> detail(raw, lines, out));
        }
        return out;
    }

    private static void detail(RawEntry raw, Set<Integer> lines, Map<Integer, String> out) {
        if (!lines.contains(raw.line())) {
            return;
        }
        FieldLine d = raw.field("Detail");
        if (d != null && d.hasContent()) {
            out.put(raw.line(), d.fullValue());
        }
    }
}
