package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.HeadingRule;
import dev.atomizer.log.EntryHeader;

/** event-type is not in the contract's enumeration. */
@AutoService(Rule.class)
public final class UnknownEventType extends HeadingRule {

    @Override
    protected void check(EntryHeader h, EntryContext context, At report) {
        var types = context.contract().eventTypes();
        if (!types.containsKey(h.event())) {
            report.at(
                    h.eventColumn(),
                    "unknown event type '" + h.event()
                            + "'; use one of " + String.join(", ", types.keySet())
                            + " (new types are added to the Event types table of schemas.md)");
        }
    }

    public UnknownEventType() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("unknown-event-type", Severity.ERROR, "heading")
            .fires("event-type is not in the contract's enumeration")
            .fix(
                    "Use an event type of the contract's Event types table, or add it there (a one-row change to schemas.md).");
}
