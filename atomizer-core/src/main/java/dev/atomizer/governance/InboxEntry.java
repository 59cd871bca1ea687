package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.contract.Policy;
import dev.atomizer.git.FileChange;
import dev.atomizer.git.LogFiles;
import dev.atomizer.lint.Report;
import dev.atomizer.log.EntryHeader;
import dev.atomizer.log.LogGrammar;
import dev.atomizer.merge.InboxFold;
import java.io.IOException;

/**
 * "a new inbox file is not exactly one entry, or its name does not say its entry's time and
 * agent": the fold appends the inbox's files in name order, each as one entry.
 */
@AutoService(Rule.class)
public final class InboxEntry extends ChangeRule {

    @Override
    public void check(ChangeContext context, FileChange change, Report report) throws IOException {
        if (!isNew(context, change)) {
            return;
        }
        byte[] bytes = change.newContent().bytes();
        String path = change.newPath();
        String problem = InboxFold.oneEntry(bytes);
        if (problem != null) {
            report.at(1, 1, path + ": " + problem + " (write inbox entries with 'atomizer log')");
            return;
        }
        EntryHeader h = EntryHeader.parse(LogGrammar.lineAt(bytes, 0));
        if (h == null || h.dateTime() == null) {
            return; // the heading's own rules say what is wrong with it
        }
        String name = path.substring(Workspace.INBOX.length() + 1);
        String expected = Workspace.inboxEntry(h.timestamp(), h.agent(), "")
                .substring(Workspace.INBOX.length() + 1)
                .replaceFirst("\\.md$", "");
        if (!name.startsWith(expected) || !name.substring(expected.length()).matches("[0-9A-Za-z]{1,32}\\.md")) {
            String unique = name.replaceFirst("\\.md$", "");
            unique = unique.substring(unique.lastIndexOf('-') + 1);
            String suggested = Workspace.INBOX + "/" + expected
                    + (unique.matches("[0-9A-Za-z]{1,32}") ? unique : Integer.toHexString(name.hashCode())) + ".md";
            report.at(
                    1,
                    1,
                    path + ": the name of an inbox file must be its entry's time and agent and a unique part ('"
                            + expected + "<hex>.md'), so the fold appends the inbox in time order; rename it with"
                            + " 'git mv " + path + " " + suggested + "'");
        }
    }

    /** True when {@code change} brings a new file into the inbox (added, copied or renamed into it). */
    static boolean isNew(ChangeContext context, FileChange change) {
        return change.newPath() != null
                && LogFiles.isInbox(change.newPath())
                && !change.newPath().equals(change.oldPath())
                && change.newContent().notAFile() == null
                && context.policies().is(Workspace.LOG, Policy.APPEND_ONLY);
    }

    public InboxEntry() {
        super(INFO);
    }

    public static final RuleInfo INFO = RuleInfo.of("inbox-entry", Severity.ERROR, "change", "pre-commit", "verify")
            .fires(
                    "a new file of the inbox (`shared/inbox/`) is not exactly one entry from its first byte, or its name is not its entry's time and agent and a unique part (`YYYY-MM-DDTHHMM-agent-<hex>.md`, as 'atomizer log' writes it with `Entry inbox: on`); the entry itself is linted as any new entry")
            .fix(
                    "Write inbox entries with 'atomizer log' (the contract's `Entry inbox: on`): one entry per file, named for its time and agent; rename or split a file written by hand.")
            .protects(
                    "The fold: it appends the inbox's files in name (time) order, each as one entry of the log, byte for byte.");
}
