package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.GovernedPath;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import java.io.IOException;
import java.util.Collection;

/**
 * A new path (added, renamed or copied to) that a file system folding names would take for a
 * governed path. Git compares paths exactly, and so do the governed-path globs; but on NTFS or APFS
 * {@code ſhared/project_log.md} and {@code shared/project_log.md} are one file, so a checkout may
 * put the one in place of the other, and the other rules, which compare each path with itself,
 * never see it. See {@link PathGlob#fold} for the fold.
 */
@AutoService(Rule.class)
public final class PathCollision extends ChangeRule {

    @Override
    public void check(ChangeContext context, FileChange change, Report report) throws IOException {
        if (change.kind() == FileChange.Kind.MODIFY || change.kind() == FileChange.Kind.DELETE) {
            return;
        }
        String path = change.newPath();
        GovernedPath folded = context.policies().foldsOnto(path);
        if (folded == null) {
            return;
        }
        GovernedPath governed = context.policies().of(path);
        String other = sameFold(context.after().paths(), path);
        if (governed != null && other == null) {
            return; // a governed path like any other: its own policy's rule judges it
        }
        GovernedPath onto = other != null && context.policies().of(other) != null
                ? context.policies().of(other)
                : governed != null ? governed : folded;
        String named = other != null ? other : "a path of " + onto.pattern();
        report.at(
                1,
                1,
                path + " and " + named + " differ only in case or Unicode normalisation, and " + onto.pattern()
                        + " is governed (" + onto.policy().label() + "): a file system that folds names (NTFS, "
                        + "APFS) holds both in one file, so a checkout may put the one in place of the other; "
                        + "rename " + path + " so that its name differs from " + named
                        + " by more than case or accents");
    }

    /** A path of {@code paths} other than {@code path} with the same fold, or null. */
    private static String sameFold(Collection<String> paths, String path) {
        if (paths == null) {
            return null;
        }
        String fold = PathGlob.fold(path);
        for (String p : paths) {
            if (!p.equals(path) && PathGlob.fold(p).equals(fold)) {
                return p;
            }
        }
        return null;
    }

    public PathCollision() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("path-collision", Severity.ERROR, "change", "pre-commit", "verify")
            .fires(
                    "a new path (added, or renamed or copied to) differs from a governed path, or from the paths a governed glob matches, only in case or Unicode normalisation (`ſhared/project_log.md`, `Context-Docs/…`, a decomposed `é`): NTFS or APFS would hold both in one file (see docs/governance.md, File types and names)")
            .fix(
                    "Rename the new path so that it differs from every governed path by more than case or accents (or use the governed path itself).")
            .protects(
                    "A governed path is the same file on every machine: on NTFS or APFS a look-alike name would take the governed file's place at checkout, past every other rule.");
}
