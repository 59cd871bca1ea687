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
                            + " (add a row to the Agents table of schemas.md for a new agent)");
        }
    }

    public UnknownAgent() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("unknown-agent", Severity.ERROR, "heading")
            .fires("the contract lists agents and the id is not one of them")
            .fix(
                    "Use an agent of the contract's Agents table, or add the agent there (a change to schemas.md needs approval).");
}
