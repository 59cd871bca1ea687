package dev.atomizer.lint;

import dev.atomizer.api.RuleInfo;
import dev.atomizer.log.FieldLine;

/** A rule over one field of an entry, checked only when the entry has that field. */
public abstract class FieldRule extends EntryRule {

    private final String field;

    protected FieldRule(String field, RuleInfo info) {
        super(info);
        this.field = field;
    }

    @Override
    public final void check(EntryContext context, Report report) {
        FieldLine line = context.entry().field(field);
        if (line != null) {
            check(line, context, report);
        }
    }

    protected abstract void check(FieldLine field, EntryContext context, Report report);
}
