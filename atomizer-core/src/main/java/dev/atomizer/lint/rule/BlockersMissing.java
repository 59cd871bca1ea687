package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.FieldRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;

/** Status is {@code blocked} and there is no non-empty Blockers field. */
@AutoService(Rule.class)
public final class BlockersMissing extends FieldRule {

    @Override
    protected void check(FieldLine f, EntryContext context, Report report) {
        if (!"blocked".equals(f.value())) {
            return;
        }
        FieldLine blockers = context.entry().field("Blockers");
        if (blockers == null || !blockers.hasContent()) {
            report.at(
                    f.line(),
                    f.valueColumn(),
                    "the entry is blocked but says nothing of it; add "
                            + "'**Blockers:** <what blocks, and who can unblock>'");
        }
    }

    public BlockersMissing() {
        super("Status", INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("blockers-missing", Severity.ERROR, "fields")
            .fires("Status is `blocked` and there is no non-empty Blockers field")
            .fix("Add '**Blockers:**' saying what blocks the work and who can unblock it.")
            .protects(
                    "A blocked entry says what blocks it and who can unblock it: the executive summary puts that in front of the people who can act.");
}
