package dev.atomizer.governance;

import dev.atomizer.api.RuleBase;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import java.io.IOException;

/**
 * A governance rule, checked on each changed path. One class per rule, named for its stable ID,
 * registered with {@code @AutoService(Rule.class)}.
 */
public abstract class ChangeRule extends RuleBase {

    protected ChangeRule(RuleInfo info) {
        super(info);
    }

    /** True when the rule needs the commit message's trailers (it then runs in commit-msg, not pre-commit). */
    public boolean needsApproval() {
        return false;
    }

    /**
     * True when judging {@code change} needs the trailers: by default {@link #needsApproval()}. A
     * rule whose verdict on this change no approval can alter (a governed path that is not a regular
     * file) says false, so that pre-commit judges it already.
     */
    public boolean needsApproval(ChangeContext context, FileChange change) {
        return needsApproval();
    }

    /** Reports against {@code change.path()}; {@code report.at(line, column, message)}. */
    public abstract void check(ChangeContext context, FileChange change, Report report) throws IOException;
}
