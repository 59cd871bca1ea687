package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;

/**
 * An entry holds a control character: NUL or another C0 control (U+0000 to U+001F) other than
 * tab, or DEL. They print as nothing or garble a terminal, and a NUL makes git treat a dashboard
 * that quotes the entry as a binary file. Checked in the heading and in every field line and its
 * continuation lines (line endings are not part of a line).
 */
@AutoService(Rule.class)
public final class ControlCharacter extends EntryRule {

    @Override
    public void check(EntryContext context, Report report) {
        check(context.entry().heading(), context.entry().line(), 1, report);
        for (FieldLine f : context.entry().fields()) {
            check(f.value(), f.line(), f.valueColumn(), report);
            for (int k = 0; k < f.continuation().size(); k++) {
                check(f.continuation().get(k), f.line() + 1 + k, 1, report);
            }
        }
    }

    /** Reports the first control character of {@code text}, which starts at {@code column}. */
    private static void check(String text, int line, int column, Report report) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7F) {
                report.at(
                        line,
                        column + i,
                        "a control character (U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c)
                                + ") in the text: remove it (only tab is allowed)");
                return;
            }
        }
    }

    public ControlCharacter() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("control-character", Severity.ERROR, "file")
            .fires(
                    "an entry holds a control character: NUL or another C0 control other than tab, or DEL (a NUL makes git treat a dashboard quoting it as binary)")
            .fix("Remove the character (a NUL makes git treat a dashboard quoting the entry as binary).")
            .protects(
                    "A log that stays text: a control character can drive a reader's terminal, and a NUL makes git treat a dashboard quoting it as binary.");
}
