package dev.atomizer.lint;

import dev.atomizer.api.RuleBase;
import dev.atomizer.api.RuleInfo;

/**
 * A rule checked on each log entry. One class per rule, named for its stable ID, registered with
 * {@code @AutoService(Rule.class)}, with its fixtures in {@code src/test/resources/rules/<id>/}.
 */
public abstract class EntryRule extends RuleBase {

    protected EntryRule(RuleInfo info) {
        super(info);
    }

    public abstract void check(EntryContext context, Report report);
}
