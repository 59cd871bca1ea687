package dev.atomizer.api;

/** A rule that holds its metadata: the base of the entry rules and of the governance rules. */
public abstract class RuleBase implements Rule {

    private final RuleInfo info;

    protected RuleBase(RuleInfo info) {
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
}
