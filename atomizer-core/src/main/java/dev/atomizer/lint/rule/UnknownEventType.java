package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.EntryHeader;

/** event-type is not in the contract's enumeration. */
public final class UnknownEventType implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.UNKNOWN_EVENT_TYPE;
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
