package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;

/** an entry is not closed by {@code ---} before the next entry or end of file. */
@AutoService(Rule.class)
public final class SeparatorMissing extends EntryRule {

    @Override
    public void check(EntryContext context, Report report) {
        var e = context.entry();
        if (e.setextLine() != 0) {
            report.at(
                    e.setextLine(),
                    1,
                    "add a blank line before '---': without it CommonMark reads the line above "
                            + "as a heading and the entry is not closed");
        } else if (e.separatorLine() == 0 && e.openBlockLine() != 0) {
            report.at(
                    e.endLine(),
                    1,
                    "the entry is not closed: " + openBlock(e, false)
                            + "; close it, then end the entry with a blank line" + " and '---'");
        } else if (e.separatorLine() == 0) {
            report.at(e.endLine(), 1, "the entry is not closed: end it with a blank line and '---'");
        }
    }

    /** What an unclosed block does, and what closes it. */
    static String openBlock(dev.atomizer.log.RawEntry e, boolean here) {
        String end = e.openBlockEnd();
        boolean fence = end.startsWith("`") || end.startsWith("~");
        return (here ? "this " : "the ") + (fence ? "code fence" : "HTML block")
                + (here ? "" : " opened at line " + e.openBlockLine())
                + " is never closed, so everything after it, '---' lines and entry headings included, is its content"
                + " (markdown renders it " + (fence ? "as code" : "as raw HTML, or hides it") + "); a line '" + end
                + "'" + (fence ? " (or a longer run of '" + end.charAt(0) + "')" : "") + " closes it";
    }

    public SeparatorMissing() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("separator-missing", Severity.ERROR, "file")
            .fires("an entry is not closed by `---` before the next entry or end of file")
            .fix(
                    "Close the entry with a blank line and then '---' (without the blank line, markdown reads the line above as a heading).")
            .protects(
                    "Entries with a clear end: without a blank line and `---`, markdown runs the entry into what follows.");
}
