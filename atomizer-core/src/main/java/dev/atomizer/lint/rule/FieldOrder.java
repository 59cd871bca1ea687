package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;

/** fields are not in contract order (Status, Summary, Detail, Metrics, Blockers). */
@AutoService(Rule.class)
public final class FieldOrder extends EntryRule {

    @Override
    public void check(EntryContext context, Report report) {
        int highest = -1;
        String highestName = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (FieldLine f : context.entry().fields()) {
            int index = context.contract().fieldIndex(f.name());
            if (index < 0 || !seen.add(f.name())) {
                continue; // unknown and repeated fields are other rules' findings
            }
            if (index < highest) {
                report.at(
                        f.line(),
                        f.column(),
                        "field '" + f.name() + "' comes after '" + highestName + "'; the contract order is "
                                + String.join(", ", context.contract().fields()));
            } else {
                highest = index;
                highestName = f.name();
            }
        }
    }

    public FieldOrder() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("field-order", Severity.WARNING, "fields")
            .fires("fields are not in contract order (Status, Summary, Detail, Metrics, Blockers)")
            .fix("Reorder the fields as the contract's Fields table lists them.")
            .protects(
                    "Entries that read alike for people skimming the raw log (a warning: no tool depends on the order).");
}
