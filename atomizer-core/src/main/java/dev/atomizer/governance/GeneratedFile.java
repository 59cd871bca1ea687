package dev.atomizer.governance;

import dev.atomizer.contract.Policy;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import dev.atomizer.lint.RuleCatalog;
import java.io.IOException;
import java.util.Arrays;

/**
 * "a derived file (dashboards, KPI table) is staged with content other than what the
 * generator makes from the staged sources: a hand edit". Silent while {@link DerivedFiles} knows nothing.
 */
public final class GeneratedFile implements ChangeRule {

    @Override
    public String id() {
        return RuleCatalog.GENERATED_FILE;
    }

    @Override
    public void check(ChangeContext context, FileChange change, Report report) throws IOException {
        if (change.newPath() == null || !context.policies().is(change.newPath(), Policy.GENERATED)) {
            return;
        }
        if (change.newContent().notAFile() != null) {
            report.at(1, 1, change.newPath() + " is generated and is " + change.newContent().notAFile()
                    + " here: run 'atomizer dashboards', which writes regular files, and stage the result");
            return;
        }
        byte[] expected = context.derived().expected(change.newPath(), context.after());
        if (expected != null && !Arrays.equals(expected, change.newContent().bytes())) {
            report.at(1, 1, change.newPath() + " is generated and differs from what the generator makes of the "
                    + "staged sources (a hand edit?); run 'atomizer dashboards' and stage the result");
        }
    }
}
