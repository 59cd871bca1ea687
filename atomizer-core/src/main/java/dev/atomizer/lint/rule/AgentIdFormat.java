package dev.atomizer.lint.rule;

import dev.atomizer.api.Severity;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Rule;
import com.google.auto.service.AutoService;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.EntryRule;
import dev.atomizer.lint.Report;
import dev.atomizer.log.EntryHeader;

/** agent-id is not lowercase kebab-case. */
@AutoService(Rule.class)
public final class AgentIdFormat extends EntryRule {

    public static final String ID = "agent-id-format";

    public AgentIdFormat() {
        super(RuleInfo.of(ID, Severity.ERROR, "heading")
                .fires("agent-id is not lowercase kebab-case")
                .fix("Write the agent-id in lowercase kebab-case, e.g. 'tech-lead'."));
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
