package dev.atomizer.lint.rule;

import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import dev.atomizer.log.EntryHeader;

/** agent-id is not lowercase kebab-case. */
public final class AgentIdFormat implements EntryRule {

    @Override
    public String id() {
        return RuleCatalog.AGENT_ID_FORMAT;
    }

    @Override
    public void check(EntryContext context, Report report) {
        EntryHeader h = context.entry().header();
        if (h.wellFormed() && !Kebab.is(h.agent())) {
            report.at(context.entry().line(), h.agentColumn(), "agent-id '" + h.agent()
                    + "' must be lowercase kebab-case, e.g. '" + Kebab.suggest(h.agent()) + "'");
        }
    }
}
