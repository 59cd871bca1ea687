package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;

/** no {@code **Summary:**} field, or it is empty. */
@AutoService(Rule.class)
public final class SummaryMissing extends EntryRule {

    @Override
    public void check(EntryContext context, Report report) {
        FieldLine f = context.entry().field("Summary");
        if (f == null) {
            report.at(context.entry().line(), 1, "no **Summary:** field; add a line '**Summary:** <one line>'");
        } else if (!f.hasContent()) {
            report.at(f.line(), f.column(), "the Summary is empty; say in one line what happened");
        }
    }

    public SummaryMissing() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("summary-missing", Severity.ERROR, "fields")
            .fires("no `**Summary:**` field, or it is empty")
            .fix("Add a '**Summary:**' line with a one-line description.")
            .protects("Every entry says in one line what happened: the dashboards and reports quote the Summary.");
}
