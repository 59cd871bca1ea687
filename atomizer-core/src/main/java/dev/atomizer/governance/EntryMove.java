package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.git.FileChange;
import dev.atomizer.git.LogFiles;
import dev.atomizer.lint.Report;
import java.io.IOException;

/**
 * "entries move between the files of the history only as an archive or a fold does": what
 * {@link EntryMoves} finds, reported at the change of the file it names.
 */
@AutoService(Rule.class)
public final class EntryMove extends ChangeRule {

    @Override
    public void check(ChangeContext context, FileChange change, Report report) throws IOException {
        if (!ofHistory(change.oldPath()) && !ofHistory(change.newPath())) {
            return;
        }
        for (EntryMoves.Finding f : context.moves().findings()) {
            if (f.path().equals(change.oldPath()) || f.path().equals(change.newPath())) {
                report.at(f.line(), 1, f.message());
            }
        }
    }

    private static boolean ofHistory(String path) {
        return path != null && (LogFiles.isMoved(path) || path.equals(Workspace.LOG));
    }

    public EntryMove() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("entry-move", Severity.ERROR, "change", "pre-commit", "verify")
            .fires(
                    "entries move between the log, its archives (`shared/archive/`) and the inbox (`shared/inbox/`) other than by an archive or a fold: an archive changed or removed, a new archive that is not the log's oldest entries byte for byte (a non-prefix, an edited or dropped entry, text besides its title and entries); an inbox file edited after it was written, or removed without its bytes being folded into the log, or folded twice or while it stays in the inbox (see docs/governance.md, Moves of entries)")
            .fix(
                    "Put back what the base has ('git checkout HEAD -- <path>' before the commit, a new commit that undoes it after): entries leave the inbox only by 'atomizer fold' (the bot's), and the log only by 'atomizer archive'; a mistaken entry is corrected by a new entry ('atomizer log').")
            .protects(
                    "The history as one sequence: every entry written is in it exactly once, byte for byte, whether it waits in the inbox, sits in the log or was archived.");
}
