package dev.atomizer.governance;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.RuleCatalog;
import dev.atomizer.api.Severities;
import dev.atomizer.api.Severity;
import dev.atomizer.git.FileChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs the governance rules over a change set. */
public final class Governance {

    private Governance() {}

    /** The governance rules, in catalog order. */
    public static List<ChangeRule> rules() {
        return RuleCatalog.rules(ChangeRule.class);
    }

    /**
     * Checks every change; rules that need approval run only when the context carries one.
     */
    public static void check(
            List<FileChange> changes, ChangeContext context, Severities severities, Consumer<Diagnostic> sink)
            throws IOException {
        for (FileChange change : changes) {
            List<Diagnostic> found = new ArrayList<>();
            for (ChangeRule rule : rules()) {
                Severity s = severities.of(rule.id());
                if (s == Severity.OFF || context.approval() == null && rule.needsApproval(context, change)) {
                    continue;
                }
                rule.check(
                        context,
                        change,
                        (line, column, message) ->
                                found.add(new Diagnostic(change.path(), line, column, rule.id(), s, message)));
            }
            if (found.size() > 1) {
                found.sort(Diagnostic.ORDER);
            }
            found.forEach(sink);
        }
    }
}
