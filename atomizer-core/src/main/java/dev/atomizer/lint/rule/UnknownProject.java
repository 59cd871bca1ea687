package dev.atomizer.lint.rule;

import dev.atomizer.api.Severity;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Rule;
import com.google.auto.service.AutoService;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.EntryHeader;

/** PROJECT_STATUS.md lists projects and the slug is not one of them. */
@AutoService(Rule.class)
public final class UnknownProject extends EntryRule {

    public static final String ID = "unknown-project";

    public UnknownProject() {
        super(RuleInfo.of(ID, Severity.WARNING, "heading")
                .fires("PROJECT_STATUS.md lists projects and the slug is not one of them")
                .fix("Use a slug of the Projects table of shared/PROJECT_STATUS.md, or ask the "
                        + "Manager to add the project."));
    }

    @Override
    public void check(EntryContext context, Report report) {
        EntryHeader h = context.entry().header();
        var projects = context.projects();
        if (h.wellFormed() && projects != null && Kebab.is(h.project()) && !projects.contains(h.project())) {
            report.at(context.entry().line(), h.projectColumn(), "project '" + h.project()
                    + "' is not listed in PROJECT_STATUS.md (" + String.join(", ", projects) + ")");
        }
    }
}
