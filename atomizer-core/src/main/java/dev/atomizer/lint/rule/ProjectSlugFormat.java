package dev.atomizer.lint.rule;

import dev.atomizer.api.Severity;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Rule;
import com.google.auto.service.AutoService;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.EntryHeader;

/** project-slug is not lowercase kebab-case. */
@AutoService(Rule.class)
public final class ProjectSlugFormat extends EntryRule {

    public static final String ID = "project-slug-format";

    public ProjectSlugFormat() {
        super(RuleInfo.of(ID, Severity.ERROR, "heading")
                .fires("project-slug is not lowercase kebab-case")
                .fix("Write the project-slug in lowercase kebab-case, e.g. 'bracket-topopt'."));
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
