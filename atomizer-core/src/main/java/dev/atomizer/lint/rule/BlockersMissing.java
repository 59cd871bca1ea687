package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.FieldLine;

/** Status is {@code blocked} and there is no non-empty Blockers field. */
public final class BlockersMissing implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.BLOCKERS_MISSING;
    }

    @Override
    public void check(EntryContext context, Report report) {
        FieldLine status = context.entry().field("Status");
        if (status == null || !"blocked".equals(status.value())) {
            return;
        }
        FieldLine blockers = context.entry().field("Blockers");
        if (blockers == null || !blockers.hasContent()) {
            report.at(status.line(), status.valueColumn(), "the entry is blocked but says nothing of it; add "
                    + "'**Blockers:** <what blocks, and who can unblock>'");
        }
    }
}
