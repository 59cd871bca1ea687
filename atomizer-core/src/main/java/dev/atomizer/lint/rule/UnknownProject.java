package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.HeadingRule;
import dev.atomizer.log.EntryHeader;

/** PROJECT_STATUS.md lists projects and the slug is not one of them. */
@AutoService(Rule.class)
public final class UnknownProject extends HeadingRule {

    @Override
    protected void check(EntryHeader h, EntryContext context, At report) {
        var projects = context.projects();
        if (projects != null && Kebab.is(h.project()) && !projects.contains(h.project())) {
            report.at(
                    h.projectColumn(),
                    "project '" + h.project() + "' is not listed in PROJECT_STATUS.md (" + String.join(", ", projects)
                            + "): use one of them, or add a row for '" + h.project()
                            + "' to the Projects table of shared/PROJECT_STATUS.md (the Manager's file)");
        }
    }

    public UnknownProject() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("unknown-project", Severity.WARNING, "heading")
            .fires("PROJECT_STATUS.md lists projects and the slug is not one of them")
            .fix(
                    "Use a slug of the Projects table of shared/PROJECT_STATUS.md, or add the project to that table (the Manager's file).")
            .protects(
                    "Entries land on a project the Manager tracks (a warning only: work may be logged before its project is listed).");
}
