package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.GovernedPath;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import java.io.IOException;
import java.util.Arrays;

/**
 * A file nobody generated, under a folder only the generator writes ({@link DerivedFiles#folders()}:
 * the dashboards' and the KPI table's, the weekly and the closeout reports'). {@code generated-file}
 * judges the derived files the generator makes and {@code write-once} the reports that exist; this
 * judges the rest of the folder:
 *
 * <ul>
 *   <li>a file added or modified there that the generator never makes (a second exec summary, a
 *       README, a PDF among the dashboards, anything in a subfolder) is refused: only the
 *       generator writes there. A path the contract's governed-paths table gives another policy
 *       than the generator's (a row placed above the folder's) is that policy's to judge;</li>
 *   <li>a snapshot added there (a weekly or closeout report, its PDF) must have the bytes its
 *       command makes of the same state's sources: a report written by hand for a past week, or
 *       made of other sources, is refused, as is one for a week whose cut-off has not come;</li>
 *   <li>a revision of a report ({@code <report>.rN.md}) is the revision rule's; a folder's
 *       {@code .gitkeep} is init's and must stay empty.</li>
 * </ul>
 *
 * The snapshot is made only when one is added (rare), never on the common path. Silent while
 * {@link DerivedFiles} knows no folder.
 */
@AutoService(Rule.class)
public final class NotGenerated extends ChangeRule {

    @Override
    public void check(ChangeContext context, FileChange change, Report report) throws IOException {
        String path = change.newPath();
        if (path == null) {
            return; // deleting a file nobody generated is the fix; deleting a report is write-once's
        }
        DerivedFiles derived = context.derived();
        DerivedFiles.Folder folder = owner(context, path);
        if (folder == null) {
            return;
        }
        GovernedPath governed = context.policies().of(path);
        if (governed != null && governed.policy() != folder.policy()) {
            return; // the contract gives it a policy of its own (a README made immutable): that rule judges it
        }
        String delete = "delete it ('git rm -f -- " + path + "'): only " + folder.writer() + " writes under "
                + folder.path() + "/";
        switch (derived.kind(path)) {
            case DERIVED, REVISION -> {
                // generated-file judges a derived file; a report's revision has its own rule
            }
            case KEEP -> {
                String what = change.newNotAFile();
                if (what != null || change.newContent().bytes().length > 0) {
                    report.at(
                            1,
                            1,
                            path + " keeps the folder " + folder.path() + "/ in git, and init makes it empty; it is "
                                    + (what != null ? what : "not empty") + " here: empty it, or " + delete);
                }
            }
            case SNAPSHOT -> snapshot(context, change, folder, delete, report);
            case NONE ->
                report.at(
                        1,
                        1,
                        path + " is under " + folder.path() + "/ and " + folder.writer() + " makes no such file"
                                + (change.newNotAFile() != null ? " (" + change.newNotAFile() + " here)" : "")
                                + ": a file nobody generated would pass for the generator's there; " + delete);
        }
    }

    /** An added snapshot: the bytes its command makes of the same state, or the reason it makes none. */
    private static void snapshot(
            ChangeContext context, FileChange change, DerivedFiles.Folder folder, String delete, Report report)
            throws IOException {
        String path = change.newPath();
        boolean added =
                change.kind() != FileChange.Kind.MODIFY || change.oldContent().notAFile() != null;
        if (!added || change.newNotAFile() != null) {
            return; // a snapshot that exists (or a link in its place) is write-once's
        }
        String regenerate = "; " + delete + "; then let " + folder.writer()
                + " write it from the sources you stage with it, and stage that";
        byte[] made;
        try {
            made = context.derived().snapshot(path, context.after());
        } catch (DerivedFiles.Refused e) {
            report.at(
                    1,
                    1,
                    path + " is added, but " + folder.writer() + " makes no such report of these sources: "
                            + e.getMessage() + "; a snapshot nobody generated would pass for the generator's: "
                            + delete);
            return;
        }
        if (made == null || Arrays.equals(made, change.newContent().bytes())) {
            return;
        }
        report.at(
                1,
                1,
                path + " is added with other bytes than " + folder.writer()
                        + " makes of the sources of the same state (written or edited by hand, or made of"
                        + " other sources: a log, PROJECT_STATUS.md, template or contract not staged or"
                        + " changed since)" + regenerate);
    }

    /** The folder of {@code path} that the generator owns under the contract, or null. */
    private static DerivedFiles.Folder owner(ChangeContext context, String path) {
        for (DerivedFiles.Folder f : context.derived().folders()) {
            if (f.holds(path) && context.policies().is(f.sample(), f.policy())) {
                return f;
            }
        }
        return null;
    }

    public NotGenerated() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("not-generated", Severity.ERROR, "change", "pre-commit", "verify")
            .fires(
                    "a file is added or modified under a folder only the generator writes (the dashboards', the KPI table's, the reports') and the generator makes no such file (a second exec summary, a README, a file in a subfolder; unless the governed-paths table gives that path another policy); a report or its PDF is added with other bytes than 'atomizer report' makes of the same state's sources (a report written by hand for a past week), or for a week whose cut-off has not come or a project not finished; a folder's .gitkeep that is not empty")
            .fix(
                    "Delete the file: only 'atomizer dashboards' and 'atomizer report' write there. A report is written by 'atomizer report weekly --week YYYY-Www' (or 'report closeout SLUG') from the committed sources and committed as it is; a correction of a report goes through its revision.")
            .protects(
                    "The derived files' authority: a file beside the generator's (a second exec summary, a report written by hand) would pass for the generator's.");
}
