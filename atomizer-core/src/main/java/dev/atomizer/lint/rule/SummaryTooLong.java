package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.FieldRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.FieldLine;

/** Summary longer than 200 characters. */
@AutoService(Rule.class)
public final class SummaryTooLong extends FieldRule {

    @Override
    protected void check(FieldLine f, EntryContext context, Report report) {
        int length = f.value().codePointCount(0, f.value().length());
        if (length > MAX) {
            report.at(
                    f.line(),
                    f.valueColumn(),
                    "the Summary is " + length + " characters long (at most " + MAX
                            + "); shorten it and move the rest to **Detail:**");
        }
    }

    /** The longest Summary, in characters (code points). */
    public static final int MAX = 200;

    public SummaryTooLong() {
        super("Summary", INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("summary-too-long", Severity.WARNING, "fields")
            .fires("Summary longer than 200 characters")
            .fix("Shorten the Summary to at most 200 characters; move the rest to '**Detail:**'.")
            .protects(
                    "An executive summary that stays short (K4): the rest of the story belongs in Detail (a warning).");
}
