package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;

/** content between an entry's {@code ---} and the next heading, or before an entry's first field. */
@AutoService(Rule.class)
public final class StrayContent extends EntryRule {

    @Override
    public void check(EntryContext context, Report report) {
        var e = context.entry();
        int close = e.separatorLine() != 0 ? e.separatorLine() : e.setextLine();
        for (int line : e.strayLines()) {
            if (line == e.openBlockLine()) {
                report.at(
                        line,
                        1,
                        SeparatorMissing.openBlock(e, true)
                                + (close != 0 && line > close
                                        ? "; and it comes after the entry's closing '---' (line " + close
                                                + "), where every block belongs to an entry: remove it, or move it"
                                                + " into a field above the '---'"
                                        : "; and it comes before the entry's first field: remove it, or put it"
                                                + " under **Detail:**"));
            } else if (close != 0 && line > close) {
                report.at(
                        line,
                        1,
                        "content after the entry's closing '---' ("
                                + DuplicateField.above(line - close)
                                + "); every block belongs to an entry: move it above the '---' into the entry's **Detail:**"
                                + " field, or start a new entry with a heading");
            } else {
                report.at(
                        line,
                        1,
                        "content before the entry's first field; start with **Status:** and put "
                                + "context under **Detail:**");
            }
        }
    }

    public StrayContent() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("stray-content", Severity.ERROR, "file")
            .fires("content between an entry's `---` and the next heading, or before an entry's first field")
            .fix("Move the text into a field of an entry (Detail takes any markdown) or remove it.")
            .protects(
                    "Every line of the log belongs to an entry, so nothing stands in the log that the tools do not see.");
}
