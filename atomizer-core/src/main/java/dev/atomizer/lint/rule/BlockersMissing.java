package dev.atomizer.lint.rule;

import dev.atomizer.api.Severity;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Rule;
import com.google.auto.service.AutoService;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;

/** Status is {@code blocked} and there is no non-empty Blockers field. */
@AutoService(Rule.class)
public final class BlockersMissing extends EntryRule {

    public static final String ID = "blockers-missing";

    public BlockersMissing() {
        super(RuleInfo.of(ID, Severity.ERROR, "fields")
                .fires("Status is `blocked` and there is no non-empty Blockers field")
                .fix("Add '**Blockers:**' saying what blocks the work and who can unblock it."));
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
