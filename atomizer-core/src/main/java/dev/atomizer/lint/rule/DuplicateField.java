package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;
import java.util.HashMap;
import java.util.Map;

/** a field appears twice in one entry. */
@AutoService(Rule.class)
public final class DuplicateField extends EntryRule {

    @Override
    public void check(EntryContext context, Report report) {
        Map<String, Integer> seen = new HashMap<>();
        for (FieldLine f : context.entry().fields()) {
            Integer first = seen.putIfAbsent(f.name(), f.line());
            if (first != null) {
                report.at(
                        f.line(),
                        f.column(),
                        "field '" + f.name() + "' appears twice (first " + above(f.line() - first)
                                + "); merge them into one");
            }
        }
    }

    /**
     * "3 lines above": relative, so the text stays true where the line of the diagnostic is moved
     * (the hooks lint the appended tail of the log alone and number it from the file's line).
     */
    static String above(int lines) {
        return lines == 1 ? "on the line above" : lines + " lines above";
    }

    public DuplicateField() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("duplicate-field", Severity.ERROR, "fields")
            .fires("a field appears twice in one entry")
            .fix("Merge the two fields into one.")
            .protects("One value per field: with two, readers and tools would disagree on which one counts.");
}
