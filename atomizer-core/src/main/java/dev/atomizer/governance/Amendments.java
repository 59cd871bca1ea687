package dev.atomizer.governance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The edits of the log pre-commit found, handed to commit-msg: pre-commit runs before the commit
 * message exists, so whether an edit is an approved amendment is judged by commit-msg, with the
 * message's trailers. One line per edit: the staged blob it is about, path, line and the finding,
 * tab-separated. pre-commit rewrites the file (or removes it) at every commit, and commit-msg
 * ignores a line whose blob is no longer the one staged (a commit that ran no pre-commit: a merge).
 */
final class Amendments {

    private Amendments() {}

    static void leave(Path file, List<ChangeContext.Deferred> edits, dev.atomizer.git.GitRepo git)
            throws dev.atomizer.api.AtomizerException {
        try {
            if (edits.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            List<String> lines = new ArrayList<>();
            for (ChangeContext.Deferred d : edits) {
                lines.add(git.indexBlobId(d.path()) + "\t" + d.path() + "\t" + d.line() + "\t"
                        + d.message().replace('\t', ' ').replace('\n', ' '));
            }
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // commit-msg would then let an unapproved edit through: refuse instead
            throw new dev.atomizer.api.AtomizerException(
                    "cannot write " + file + " (" + e.getMessage()
                            + "): an edit of the log is judged by commit-msg from there",
                    e);
        }
    }

    static List<ChangeContext.Deferred> read(Path file, dev.atomizer.git.GitRepo git)
            throws dev.atomizer.api.AtomizerException {
        List<ChangeContext.Deferred> out = new ArrayList<>();
        try {
            if (!Files.isRegularFile(file)) {
                return out;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", 4);
                if (f.length == 4 && f[2].matches("\\d{1,9}") && f[0].equals(git.indexBlobId(f[1]))) {
                    out.add(new ChangeContext.Deferred(f[1], Integer.parseInt(f[2]), f[3]));
                }
            }
        } catch (IOException e) {
            out.add(new ChangeContext.Deferred(
                    "shared/project_log.md",
                    1,
                    "the log's edits found by pre-commit" + " cannot be read (" + e.getMessage() + ")"));
        }
        return out;
    }
}
