package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.EntryHeader;

/** the contract lists agents and the id is not one of them. */
public final class UnknownAgent implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.UNKNOWN_AGENT;
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
