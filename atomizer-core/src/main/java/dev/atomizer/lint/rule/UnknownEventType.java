package dev.atomizer.lint.rule;

import dev.atomizer.api.Severity;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Rule;
import com.google.auto.service.AutoService;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.EntryHeader;

/** event-type is not in the contract's enumeration. */
@AutoService(Rule.class)
public final class UnknownEventType extends EntryRule {

    public static final String ID = "unknown-event-type";

    public UnknownEventType() {
        super(RuleInfo.of(ID, Severity.ERROR, "heading")
                .fires("event-type is not in the contract's enumeration")
                .fix("Use an event type of the contract's Event types table, or add it there (a "
                        + "one-row change to schemas.md)."));
    }

    @Override
    public void check(EntryContext context, Report report) {
        EntryHeader h = context.entry().header();
        var types = context.contract().eventTypes();
        if (h.wellFormed() && !types.containsKey(h.event())) {
            report.at(context.entry().line(), h.eventColumn(), "unknown event type '" + h.event()
                    + "'; use one of " + String.join(", ", types.keySet())
                    + " (new types are added to the Event types table of schemas.md)");
        }
    }
}
