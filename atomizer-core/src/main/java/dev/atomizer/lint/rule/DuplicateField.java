package dev.atomizer.lint.rule;

import dev.atomizer.api.Severity;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Rule;
import com.google.auto.service.AutoService;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;
import java.util.HashMap;
import java.util.Map;

/** a field appears twice in one entry. */
@AutoService(Rule.class)
public final class DuplicateField extends EntryRule {

    public static final String ID = "duplicate-field";

    public DuplicateField() {
        super(RuleInfo.of(ID, Severity.ERROR, "fields")
                .fires("a field appears twice in one entry")
                .fix("Merge the two fields into one."));
    }

    @Override
    public void check(EntryContext context, Report report) {
        Map<String, Integer> seen = new HashMap<>();
        for (FieldLine f : context.entry().fields()) {
            Integer first = seen.putIfAbsent(f.name(), f.line());
            if (first != null) {
                report.at(f.line(), f.column(), "field '" + f.name() + "' appears twice (first at line " + first
                        + "); merge them into one");
            }
        }
    }
}
