package dev.atomizer.audit;

import dev.atomizer.state.ProjectHealth;
import dev.atomizer.status.StatusFile.Rag;
import java.util.Objects;

/**
 * One project's health at the base and at the head of a range.
 *
 * @param before at the base, or null when the project was not known there
 * @param after  at the head, or null when it is no longer known there
 */
public record StatusMove(String slug, ProjectHealth before, ProjectHealth after) {

    public Rag derivedBefore() {
        return before == null ? null : before.derived();
    }

    public Rag derivedAfter() {
        return after == null ? null : after.derived();
    }

    public Rag declaredBefore() {
        return before == null ? null : before.declared();
    }

    public Rag declaredAfter() {
        return after == null ? null : after.declared();
    }

    public boolean closedBefore() {
        return before != null && before.closed();
    }

    public boolean closedAfter() {
        return after != null && after.closed();
    }

    /** Whether anything the summary shows moved: the derived or declared RAG, or the project opened or closed. */
    public boolean moved() {
        return before == null
                || after == null
                || derivedBefore() != derivedAfter()
                || declaredBefore() != declaredAfter()
                || closedBefore() != closedAfter();
    }

    /** Worse than before: a derived RAG that went from Green to Amber or Red, or from Amber to Red. */
    public boolean worse() {
        Rag b = derivedBefore();
        Rag a = derivedAfter();
        return a != null && !Objects.equals(a, b) && (b == null ? a != Rag.GREEN : a.ordinal() > b.ordinal());
    }
}
