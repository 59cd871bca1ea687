package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.EntryHeader;

/** an entry heading must match {@code ## [YYYY-MM-DD HH:MM] agent-id | project-slug | event-type} exactly. */
@AutoService(Rule.class)
public final class HeadingFormat extends EntryRule {

    @Override
    public void check(EntryContext context, Report report) {
        EntryHeader h = context.entry().header();
        if (!h.wellFormed()) {
            report.at(context.entry().line(), h.problemColumn(), h.problem());
        }
        for (int line : context.entry().indentedHeadings()) {
            report.at(
                    line,
                    1,
                    "an indented level-2 heading renders like an entry heading but is part of the entry"
                            + " whose heading is "
                            + DuplicateField.above(line - context.entry().line())
                            + ": entry headings start at column 1; remove the"
                            + " indentation to start an entry, or write it as text");
        }
    }

    public HeadingFormat() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("heading-format", Severity.ERROR, "heading")
            .fires("an entry heading does not match `## [YYYY-MM-DD HH:MM] agent-id | project-slug | event-type`")
            .fix(
                    "Write the heading exactly as '## [YYYY-MM-DD HH:MM] agent-id | project-slug | event-type': single spaces, ' | ' separators.")
            .protects(
                    "The one line every reader keys on: an entry whose heading does not parse is invisible to the dashboards, reports and KPIs.");
}
