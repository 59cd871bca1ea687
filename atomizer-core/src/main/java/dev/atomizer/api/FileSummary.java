package dev.atomizer.api;

/** Counts for one or more linted files. */
public record FileSummary(int entries, int errors, int warnings) {

    public static final FileSummary EMPTY = new FileSummary(0, 0, 0);

    public FileSummary plus(FileSummary o) {
        return new FileSummary(entries + o.entries, errors + o.errors, warnings + o.warnings);
    }
}
