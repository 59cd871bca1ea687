package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.FieldLine;
import java.util.HashMap;
import java.util.Map;

/** a field appears twice in one entry. */
public final class DuplicateField implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.DUPLICATE_FIELD;
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
