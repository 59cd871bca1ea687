package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.FileChange;
import dev.atomizer.git.NotAFileException;
import dev.atomizer.lint.Report;
import java.io.IOException;
import java.util.Arrays;

/**
 * A derived file (dashboards, KPI table) is staged with content other than what the generator
 * makes of the staged sources. Told apart: a file left untouched (as HEAD has it, or, added, as
 * {@code init} made it) while its sources changed is stale, and pre-commit regenerates it (see
 * {@link DerivedFiles#stale}); any other content is a hand edit, which is never overwritten.
 * Silent while {@link DerivedFiles} knows nothing. Any other file in the derived files' folders is
 * {@link NotGenerated}'s.
 */
@AutoService(Rule.class)
public final class GeneratedFile extends ChangeRule {

    @Override
    public void check(ChangeContext context, FileChange change, Report report) throws IOException {
        if (change.newPath() == null || !context.policies().is(change.newPath(), Policy.GENERATED)) {
            return;
        }
        String regenerate = "run 'atomizer dashboards', which writes regular files, and stage the result";
        String notAFile =
                RegularFile.problem(context.policies(), change, Policy.GENERATED, "generated", regenerate, regenerate);
        if (notAFile != null) {
            report.at(1, 1, notAFile);
            return;
        }
        byte[] expected;
        try {
            expected = context.derived().expected(change.newPath(), context.after());
        } catch (IOException e) {
            String source = notAFile(e);
            if (source == null) {
                throw e;
            }
            // a source made a symlink or a submodule: the generator has nothing to compare with
            report.at(
                    1,
                    1,
                    change.newPath() + " is generated from a source that is not a regular file: " + source
                            + "; make it a regular file again, then " + regenerate);
            return;
        }
        byte[] staged = change.newContent().bytes();
        if (expected == null || Arrays.equals(expected, staged)) {
            return;
        }
        String path = change.newPath();
        // untouched: as the state before had it, or, for a file added, as init made it
        boolean added = change.oldPath() == null || change.oldContent().notAFile() != null;
        byte[] before =
                added ? context.derived().initial(path) : change.oldContent().bytes();
        if (before != null && Arrays.equals(before, staged)) {
            context.derived().stale(path, expected);
            report.at(
                    1,
                    1,
                    path + " is stale: its sources changed and it is untouched ("
                            + (added ? "as init made it" : "as HEAD has it")
                            + "); run 'atomizer dashboards' and stage the result");
            return;
        }
        String fix = "; run 'atomizer dashboards', which replaces it, and stage the result";
        if (before == null) {
            report.at(
                    1,
                    1,
                    path + " is generated and differs from what the generator makes of the staged sources"
                            + " (a hand edit, or made from other sources)" + fix);
            return;
        }
        report.at(
                1,
                1,
                path + " is generated and was edited by hand: it differs from "
                        + (added ? "what init made" : "HEAD's version")
                        + " and from what the generator makes of the staged sources (or it was made before"
                        + " they last changed)" + fix);
    }

    /** The message of the {@link NotAFileException} behind {@code e}, or null when a source is no such thing. */
    private static String notAFile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NotAFileException) {
                return t.getMessage();
            }
        }
        return null;
    }

    public GeneratedFile() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("generated-file", Severity.ERROR, "change", "pre-commit", "verify")
            .fires(
                    "a derived file is staged or committed with content other than what the generator makes of the sources of the same state (a hand edit, files made before the last entry, or a file left untouched while its sources changed: stale); a derived file made or added as a symlink or a submodule")
            .fix(
                    "Regenerate the derived files instead of editing them by hand ('atomizer dashboards') and stage them. A stale file (untouched while its sources changed) is regenerated by the pre-commit hook, which then asks to stage it and commit again.")
            .protects(
                    "Dashboards and the KPI table that are exactly what the log and PROJECT_STATUS.md say: nobody makes them show better news by hand.");
}
