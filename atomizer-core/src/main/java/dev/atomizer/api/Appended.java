package dev.atomizer.api;

import java.util.List;

/**
 * What appending one entry did: where it went, the entry as written (or as it would be, for a dry
 * run), and the problems that kept it out. Nothing was written when {@link #problems()} holds an
 * error or the text made more or fewer than one entry.
 *
 * @param target   the file the entry went to, as shown in messages
 * @param text     the entry's text, from its heading to its closing {@code ---}
 * @param stamped  the entry's timestamp as written
 * @param now      the clock's time the entry would have had ({@code stamped} differs when the entry
 *                 before is ahead of the clock within the contract's tolerance)
 * @param entries  how many entries the text makes (1 unless a text field starts an entry of its own)
 * @param problems the diagnostics of the entry, errors and warnings
 * @param written  true when the entry was written
 */
public record Appended(
        String target,
        String text,
        String stamped,
        String now,
        int entries,
        List<Diagnostic> problems,
        boolean written) {

    public Appended {
        problems = List.copyOf(problems);
    }

    /** The number of errors among the problems. */
    public long errors() {
        return problems.stream().filter(d -> d.severity() == Severity.ERROR).count();
    }
}
