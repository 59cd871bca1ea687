package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;

/** content between an entry's {@code ---} and the next heading, or before an entry's first field. */
public final class StrayContent implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.STRAY_CONTENT;
    }

    @Override
    public void check(EntryContext context, Report report) {
        var e = context.entry();
        int close = e.separatorLine() != 0 ? e.separatorLine() : e.setextLine();
        for (int line : e.strayLines()) {
            if (close != 0 && line > close) {
                report.at(line, 1, "content after the entry's closing '---' (line " + close
                        + "); every block belongs to an entry: start a new entry with a heading, or move this above the '---'");
            } else {
                report.at(line, 1, "content before the entry's first field; start with **Status:** and put "
                        + "context under **Detail:**");
            }
        }
    }
}
