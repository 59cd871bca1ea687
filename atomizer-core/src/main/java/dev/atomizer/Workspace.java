package dev.atomizer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a governed repository keeps its files (PRODUCT.md section 2). The root is found from a
 * directory the way git finds a repository: the nearest enclosing directory that has the log or
 * the contract under {@code shared/}, or else the nearest one with a {@code .git}.
 */
public record Workspace(Path root, Path log, Path contract, Path status) {

    public static final String LOG = "shared/project_log.md";
    public static final String CONTRACT = "shared/data-contracts/schemas.md";
    public static final String STATUS = "shared/PROJECT_STATUS.md";

    /** The default layout under {@code root}. */
    public static Workspace at(Path root) {
        Path r = root.toAbsolutePath().normalize();
        return new Workspace(r, r.resolve(LOG), r.resolve(CONTRACT), r.resolve(STATUS));
    }

    public Workspace withContract(Path contract) {
        return new Workspace(root, log, contract.toAbsolutePath().normalize(), status);
    }

    public Workspace withStatus(Path status) {
        return new Workspace(root, log, contract, status.toAbsolutePath().normalize());
    }

    public Workspace withLog(Path log) {
        return new Workspace(root, log.toAbsolutePath().normalize(), contract, status);
    }

    /** The workspace that holds {@code start} (a directory or a file). */
    public static Workspace discover(Path start) throws AtomizerException {
        Path dir = start.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            dir = dir.getParent();
        }
        Path git = null;
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(LOG)) || Files.isRegularFile(d.resolve(CONTRACT))) {
                return at(d);
            }
            if (git == null && Files.exists(d.resolve(".git"))) {
                git = d;
            }
        }
        if (git != null) {
            return at(git);
        }
        throw new AtomizerException("not inside an Atomizer repository: no " + LOG + " in " + dir
                + " or any parent; run from inside the repository or name the log file");
    }
}
