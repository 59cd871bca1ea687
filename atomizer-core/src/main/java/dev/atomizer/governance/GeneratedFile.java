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
 * "a derived file (dashboards, KPI table) is staged with content other than what the
 * generator makes from the staged sources: a hand edit". Silent while {@link DerivedFiles} knows nothing.
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
        if (expected != null && !Arrays.equals(expected, change.newContent().bytes())) {
            report.at(
                    1,
                    1,
                    change.newPath() + " is generated and differs from what the generator makes of the "
                            + "staged sources (a hand edit?); run 'atomizer dashboards' and stage the result");
        }
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
                    "a derived file is staged or committed with content other than what the generator makes of the sources of the same state (a hand edit, or files made before the last entry); a derived file made or added as a symlink or a submodule")
            .fix("Regenerate the derived files instead of editing them by hand.");
}
