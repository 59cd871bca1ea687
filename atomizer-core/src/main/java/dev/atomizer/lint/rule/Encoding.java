package dev.atomizer.lint.rule;

import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.EncodingException;

/**
 * the file is not valid UTF-8. A file-level rule: the reader stops at the first bad byte
 * (CRLF and a byte-order mark are accepted), and this says where.
 */
public final class Encoding {

    public static final String ID = RuleCatalog.ENCODING;

    private Encoding() {
    }

    public static void report(EncodingException e, Report report) {
        report.at(e.line(), e.column(), e.getMessage());
    }
}
