package dev.atomizer.governance;

import dev.atomizer.contract.Policy;
import dev.atomizer.git.FileChange;

/**
 * A governed path is judged by what a checkout puts there, and it must put a regular file there
 * (executable or not). A symlink puts a pointer to another path, which no rule of the path governs
 * (a copy cut short, a file outside the repository); a submodule (gitlink) puts an empty folder.
 * So a symlink or a gitlink in place of a governed file is a deletion of that file, and one added at
 * a governed path is refused: under each policy's own rule, with or without an approval (an approved
 * deletion is a {@code git rm}, not a link).
 */
final class RegularFile {

    static final String MUST = "a governed path must be a regular file";

    private RegularFile() {}

    /**
     * The finding when {@code change} leaves something other than a regular file at a path that
     * {@code policy} governs, or null.
     *
     * @param role     what the path is, as the rule's messages say it ("accumulative (no-delete)")
     * @param added    the fix when no regular file was there before
     * @param replaced the fix when a file was there ({@link ChangeContext#undo}: restore it, or,
     *                 for a commit of a range, undo the commit)
     */
    static String problem(
            Policies policies, FileChange change, Policy policy, String role, String added, String replaced) {
        String what = change.newNotAFile();
        if (what == null || !policies.is(change.newPath(), policy)) {
            return null;
        }
        String path = change.newPath();
        if (change.replacesAFile()) {
            return path + " is " + role + " and is " + what + " here, in place of the file: a deletion of the file ("
                    + MUST + "); " + replaced;
        }
        return path + " is " + role + " and is " + what + " here: " + MUST + "; " + added;
    }

    /** True when {@code change} leaves something other than a regular file at a path that {@code policy} governs. */
    static boolean applies(Policies policies, FileChange change, Policy policy) {
        return change.newNotAFile() != null && policies.is(change.newPath(), policy);
    }
}
