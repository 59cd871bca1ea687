package dev.atomizer.lint;

/** A rule checked on each log entry. One class per rule, named for its stable ID. */
public interface EntryRule {

    /** The stable ID from the rule catalog. */
    String id();

    void check(EntryContext context, Report report);
}
