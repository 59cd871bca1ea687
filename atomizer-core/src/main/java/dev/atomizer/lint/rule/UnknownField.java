package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;
import java.util.Locale;

/** a {@code **Name:**} field the contract does not define. */
@AutoService(Rule.class)
public final class UnknownField extends EntryRule {

    @Override
    public void check(EntryContext context, Report report) {
        var fields = context.contract().fields();
        for (FieldLine f : context.entry().fields()) {
            if (f.colonOutside() && fields.contains(f.name())) {
                report.at(f.line(), f.column(), "write '**" + f.name() + ":**', with the colon inside the bold");
            } else if (!fields.contains(f.name())) {
                String hint = "";
                for (String known : fields) {
                    if (known.toLowerCase(Locale.ROOT).equals(f.name().toLowerCase(Locale.ROOT))) {
                        hint = " (did you mean '" + known + "'?)";
                    }
                }
                report.at(
                        f.line(),
                        f.column(),
                        "unknown field '" + f.name() + "'" + hint + "; the contract defines "
                                + String.join(", ", fields));
            }
        }
    }

    public UnknownField() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("unknown-field", Severity.ERROR, "fields")
            .fires("a `**Name:**` field the contract does not define (also `**Name**:` with the colon outside)")
            .fix(
                    "Use a field of the contract (Status, Summary, Detail, Metrics, Blockers by default), written '**Name:**'.")
            .protects("Fields the contract defines: what a misspelt field holds would be ignored by every tool.");
}
