package dev.atomizer.governance;

import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import java.io.IOException;

/** A governance rule, checked on each changed path. One class per rule, named for its stable ID. */
public interface ChangeRule {

    String id();

    /** True when the rule needs the commit message's trailers (it then runs in commit-msg, not pre-commit). */
    default boolean needsApproval() {
        return false;
    }

    /** Reports against {@code change.path()}; {@code report.at(line, column, message)}. */
    void check(ChangeContext context, FileChange change, Report report) throws IOException;
}
