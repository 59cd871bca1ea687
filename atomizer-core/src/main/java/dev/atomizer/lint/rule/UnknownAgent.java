package dev.atomizer.lint.rule;

import dev.atomizer.api.Severity;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Rule;
import com.google.auto.service.AutoService;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.EntryHeader;

/** the contract lists agents and the id is not one of them. */
@AutoService(Rule.class)
public final class UnknownAgent extends EntryRule {

    public static final String ID = "unknown-agent";

    public UnknownAgent() {
        super(RuleInfo.of(ID, Severity.ERROR, "heading")
                .fires("the contract lists agents and the id is not one of them")
                .fix("Use an agent of the contract's Agents table, or add the agent there (a "
                        + "change to schemas.md needs approval)."));
    }

    @Override
    public void check(EntryContext context, Report report) {
        EntryHeader h = context.entry().header();
        var agents = context.contract().agents();
        if (h.wellFormed() && !agents.isEmpty() && Kebab.is(h.agent()) && !agents.contains(h.agent())) {
            report.at(context.entry().line(), h.agentColumn(), "unknown agent '" + h.agent()
                    + "'; the contract lists " + String.join(", ", agents)
                    + " (add a row to the Agents table of schemas.md for a new agent)");
        }
    }
}
