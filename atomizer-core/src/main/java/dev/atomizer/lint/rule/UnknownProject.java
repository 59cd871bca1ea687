package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.EntryHeader;

/** PROJECT_STATUS.md lists projects and the slug is not one of them. */
public final class UnknownProject implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.UNKNOWN_PROJECT;
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
