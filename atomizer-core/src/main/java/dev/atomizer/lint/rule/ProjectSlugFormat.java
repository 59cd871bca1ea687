package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.HeadingRule;
import dev.atomizer.log.EntryHeader;

/** project-slug is not lowercase kebab-case. */
@AutoService(Rule.class)
public final class ProjectSlugFormat extends HeadingRule {

    @Override
    protected void check(EntryHeader h, EntryContext context, At report) {
        Kebab.check(h.project(), "project-slug", h.projectColumn(), report);
    }

    public ProjectSlugFormat() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("project-slug-format", Severity.ERROR, "heading")
            .fires("project-slug is not lowercase kebab-case")
            .fix("Write the project-slug in lowercase kebab-case, e.g. 'bracket-topopt'.")
            .protects(
                    "Project slugs that match PROJECT_STATUS.md and put an entry under its project in every dashboard and report.");
}
