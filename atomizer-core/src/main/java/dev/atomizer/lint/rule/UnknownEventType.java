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
                            + ", or add a row for '" + h.event() + "' to the Event types table of "
                            + dev.atomizer.api.Workspace.CONTRACT
                            + ", a foundational file (immutable by default): the commit that adds it needs the"
                            + " trailers 'Change-Request: <id>' and 'Approved-by: <approver>' (approvers: "
                            + String.join(", ", context.contract().approvers()) + ")");
        }
    }

    public UnknownEventType() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("unknown-event-type", Severity.ERROR, "heading")
            .fires("event-type is not in the contract's enumeration")
            .fix(
                    "Use an event type of the contract's Event types table, or add a row for it to that table in shared/data-contracts/schemas.md: a foundational file (immutable by default), so the commit that adds the row needs the trailers `Change-Request: <id>` and `Approved-by: <approver>` (the root commit needs none).")
            .protects(
                    "Event types the dashboards know: each type feeds a section (wins, decisions, studies…), and an unknown one would be dropped without a word.");
}
