package dev.atomizer.lint;

/** Where a rule says what it found; the linter adds path, rule ID and severity. */
@FunctionalInterface
public interface Report {
    void at(int line, int column, String message);
}
