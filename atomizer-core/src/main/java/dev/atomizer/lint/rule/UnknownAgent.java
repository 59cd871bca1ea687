package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.HeadingRule;
import dev.atomizer.log.EntryHeader;

/** the contract lists agents and the id is not one of them. */
@AutoService(Rule.class)
public final class UnknownAgent extends HeadingRule {

    @Override
    protected void check(EntryHeader h, EntryContext context, At report) {
        var agents = context.contract().agents();
        if (!agents.isEmpty() && Kebab.is(h.agent()) && !agents.contains(h.agent())) {
            report.at(
                    h.agentColumn(),
                    "unknown agent '" + h.agent()
                            + "'; the contract lists " + String.join(", ", agents)
                            + ": use one of them, or add a row for '" + h.agent() + "' to the Agents table of "
                            + dev.atomizer.api.Workspace.CONTRACT
                            + ", a foundational file (immutable by default): the commit that adds it needs the"
                            + " trailers 'Change-Request: <id>' and 'Approved-by: <approver>' (approvers: "
                            + String.join(", ", context.contract().approvers()) + ")");
        }
    }

    public UnknownAgent() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("unknown-agent", Severity.ERROR, "heading")
            .fires("the contract lists agents and the id is not one of them")
            .fix(
                    "Use an agent of the contract's Agents table, or add a row for the agent to that table in shared/data-contracts/schemas.md: a foundational file (immutable by default), so the commit that adds the row needs the trailers `Change-Request: <id>` and `Approved-by: <approver>` (the root commit needs none).")
            .protects(
                    "Only the team's agents write the log: a typo or a stranger is refused here instead of showing up as a new agent in the health tables.");
}
