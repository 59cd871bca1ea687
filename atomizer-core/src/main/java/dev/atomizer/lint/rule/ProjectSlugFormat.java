package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.EntryHeader;

/** project-slug is not lowercase kebab-case. */
public final class ProjectSlugFormat implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.PROJECT_SLUG_FORMAT;
    }

    @Override
    public void check(EntryContext context, Report report) {
        EntryHeader h = context.entry().header();
        if (h.wellFormed() && !Kebab.is(h.project())) {
            report.at(context.entry().line(), h.projectColumn(), "project-slug '" + h.project()
                    + "' must be lowercase kebab-case, e.g. '" + Kebab.suggest(h.project()) + "'");
        }
    }
}
