package dev.atomizer.lint;

import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;

/**
 * A rule checked on each log entry. One class per rule, named for its stable ID, registered with
 * {@code @AutoService(Rule.class)}, with its fixtures in {@code src/test/resources/rules/<id>/}.
 */
public abstract class EntryRule implements Rule {

    private final RuleInfo info;

    protected EntryRule(RuleInfo info) {
        this.info = info;
    }

    @Override
    public final RuleInfo info() {
        return info;
    }

    /** The stable ID from the rule catalog. */
    public final String id() {
        return info.id();
    }

    public abstract void check(EntryContext context, Report report);
}
