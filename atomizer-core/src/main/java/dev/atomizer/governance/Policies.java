package dev.atomizer.governance;

import dev.atomizer.contract.Contract;
import dev.atomizer.contract.GovernedPath;
import dev.atomizer.contract.Policy;
import java.util.ArrayList;
import java.util.List;

/** The governed-paths table, compiled: the first row whose glob matches a path gives its policy. */
public final class Policies {

    private record Row(PathGlob glob, GovernedPath path) {}

    private final List<Row> rows = new ArrayList<>();

    public Policies(Contract contract) {
        for (GovernedPath p : contract.governedPaths()) {
            rows.add(new Row(new PathGlob(p.pattern()), p));
        }
    }

    /** The row governing {@code path}, or null when it is not governed. */
    public GovernedPath of(String path) {
        if (path == null) {
            return null;
        }
        for (Row r : rows) {
            if (r.glob().matches(path)) {
                return r.path();
            }
        }
        return null;
    }

    /**
     * The first row whose glob, folded, matches {@code path} folded (see {@link PathGlob#fold}): the
     * governed path a file system that folds names may take {@code path} for; null when none.
     */
    public GovernedPath foldsOnto(String path) {
        if (path == null) {
            return null;
        }
        for (Row r : rows) {
            if (r.glob().matchesFolded(path)) {
                return r.path();
            }
        }
        return null;
    }

    public boolean is(String path, Policy policy) {
        GovernedPath g = of(path);
        return g != null && g.policy() == policy;
    }
}
