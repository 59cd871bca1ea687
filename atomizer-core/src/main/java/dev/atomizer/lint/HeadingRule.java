package dev.atomizer.lint;

import dev.atomizer.api.RuleInfo;
import dev.atomizer.log.EntryHeader;

/**
 * A rule over the parts of an entry's heading, checked only when the heading is well-formed
 * ({@code heading-format} reports the others), reporting at a column of the heading's line.
 */
public abstract class HeadingRule extends EntryRule {

    protected HeadingRule(RuleInfo info) {
        super(info);
    }

    @Override
    public final void check(EntryContext context, Report report) {
        EntryHeader heading = context.entry().header();
        if (heading.wellFormed()) {
            int line = context.entry().line();
            check(heading, context, (column, message) -> report.at(line, column, message));
        }
    }

    protected abstract void check(EntryHeader heading, EntryContext context, At report);

    /** Where a finding on the heading's line goes: its column and message. */
    public interface At {
        void at(int column, String message);
    }
}
