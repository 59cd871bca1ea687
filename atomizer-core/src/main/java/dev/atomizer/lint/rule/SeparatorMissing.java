package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;

/** an entry is not closed by {@code ---} before the next entry or end of file. */
public final class SeparatorMissing implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.SEPARATOR_MISSING;
    }

    @Override
    public void check(EntryContext context, Report report) {
        var e = context.entry();
        if (e.setextLine() != 0) {
            report.at(e.setextLine(), 1, "add a blank line before '---': without it CommonMark reads the line above "
                    + "as a heading and the entry is not closed");
        } else if (e.separatorLine() == 0) {
            report.at(e.endLine(), 1, "the entry is not closed: end it with a blank line and '---'");
        }
    }
}
