import dev.atomizer.git.GitRepo;
import dev.atomizer.startup.HookProcess;
import java.nio.file.Path;

/**
 * The JGit part of the pre-commit hook alone, for bench/hook.sh: open the repository of the
 * current directory as the hook does (one-command mode, no system config), read the index and
 * HEAD, and list the staged changes. No blob is read, no contract parsed, nothing linted: the
 * least any hook that "reads the staged index through JGit" must do.
 */
public final class JGitAlone {

    private JGitAlone() {
    }

    public static void main(String[] args) throws Exception {
        HookProcess.begin();
        try (GitRepo git = GitRepo.open(Path.of("").toAbsolutePath())) {
            if (git.stagedChanges().isEmpty()) {
                System.exit(3); // the benchmark stages one change: seeing none means it measured nothing
            }
        }
    }
}
