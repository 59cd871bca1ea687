package dev.atomizer.merge;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Workspace;
import dev.atomizer.git.LogFiles;
import dev.atomizer.io.AtomicFile;
import dev.atomizer.log.LimitException;
import dev.atomizer.log.LogGrammar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code atomizer fold}: the inbox's entries appended to the log, in name (time) order, each byte
 * for byte, then the inbox files deleted. It writes the working tree only; the caller (the bot,
 * {@code atomizer publish}) commits. The log is written whole and atomically before any inbox file
 * is deleted; the gate ({@code entry-move}) accepts exactly this move (docs/governance.md, "The
 * inbox and the fold").
 */
public final class InboxFold {

    private InboxFold() {}

    /** Folds the inbox of the working tree under {@code root} into its log. */
    public static dev.atomizer.api.Folded fold(Path root) throws AtomizerException {
        try {
            List<String> inbox = LogFiles.in(root).inbox();
            if (inbox.isEmpty()) {
                return new dev.atomizer.api.Folded(List.of(), Workspace.LOG);
            }
            byte[] log = Workspace.readInside(root, Workspace.LOG);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int before;
            if (log == null || log.length == 0) {
                out.writeBytes("# Project log\n\n".getBytes(StandardCharsets.UTF_8));
                before = 0;
            } else {
                out.writeBytes(log);
                out.writeBytes(boundary(log));
                before = LogGrammar.entryStarts(log, 0, log.length).size();
            }
            for (String path : inbox) {
                byte[] entry = Workspace.readInside(root, path);
                String problem = oneEntry(entry);
                if (problem != null) {
                    throw new AtomizerException(path + ":1: [inbox-entry] " + problem
                            + "; nothing was folded: correct or remove the file, then fold again");
                }
                byte[] sofar = out.toByteArray();
                out.writeBytes(boundary(sofar));
                out.writeBytes(entry);
            }
            byte[] folded = out.toByteArray();
            int after = LogGrammar.entryStarts(folded, 0, folded.length).size();
            if (after != before + inbox.size()) {
                throw new AtomizerException(Workspace.LOG
                        + ": [stray-content] the log's last entry opens a code fence or HTML block and never closes"
                        + " it, so the inbox's entries would be read as part of it; nothing was folded: append a"
                        + " line that closes it (such as '```' or '-->') in an approved amendment, then fold again");
            }
            AtomicFile.replace(Workspace.writable(root, Workspace.LOG), folded);
            for (String path : inbox) {
                Files.delete(root.resolve(path));
            }
            return new dev.atomizer.api.Folded(inbox, Workspace.LOG);
        } catch (LimitException e) {
            throw new AtomizerException(String.valueOf(e.getMessage()), e);
        } catch (IOException e) {
            throw new AtomizerException("cannot fold the inbox: " + e.getMessage(), e);
        }
    }

    /**
     * Why {@code entry} (an inbox file's bytes) is not one entry from its first byte, or null when
     * it is: the one definition the fold and the gate ({@code inbox-entry}) share.
     */
    public static @Nullable String oneEntry(byte @Nullable [] entry) throws LimitException {
        if (entry == null || entry.length == 0) {
            return "the inbox file is empty: it must hold exactly one entry";
        }
        LogGrammar.Starts starts = LogGrammar.entryStarts(entry, 0, entry.length);
        if (starts.size() != 1) {
            return "the inbox file holds " + starts.size() + " entries: it must hold exactly one";
        }
        if (starts.at(0) != 0) {
            return "the inbox file must start with its entry's heading '## [YYYY-MM-DD HH:MM] agent | project |"
                    + " event', nothing before it";
        }
        return null;
    }

    /** What makes the end of {@code b} a clean entry boundary: a blank line before the next heading. */
    private static byte[] boundary(byte[] b) {
        int n = b.length;
        if (n == 0
                || n >= 2 && b[n - 1] == '\n' && (b[n - 2] == '\n' || n >= 3 && b[n - 2] == '\r' && b[n - 3] == '\n')) {
            return new byte[0];
        }
        return (b[n - 1] == '\n' ? "\n" : "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
