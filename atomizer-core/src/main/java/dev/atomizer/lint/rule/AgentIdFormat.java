package dev.atomizer.lint.rule;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.lint.EntryContext;
import dev.atomizer.lint.HeadingRule;
import dev.atomizer.log.EntryHeader;

/** agent-id is not lowercase kebab-case. */
@AutoService(Rule.class)
public final class AgentIdFormat extends HeadingRule {

    @Override
    protected void check(EntryHeader h, EntryContext context, At report) {
        Kebab.check(h.agent(), "agent-id", h.agentColumn(), report);
    }

    public AgentIdFormat() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("agent-id-format", Severity.ERROR, "heading")
            .fires("agent-id is not lowercase kebab-case")
            .fix("Write the agent-id in lowercase kebab-case, e.g. 'tech-lead'.")
            .protects(
                    "Agent ids that read alike everywhere: the dashboards, KPIs and alerts group entries by agent, so one agent written two ways would count as two.");
}
