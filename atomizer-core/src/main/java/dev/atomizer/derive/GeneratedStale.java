package dev.atomizer.derive;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A derived file of the working tree is missing, or differs from a regeneration ({@code check}). */
@AutoService(Rule.class)
public final class GeneratedStale implements Rule {

    public static final String ID = "generated-stale";

    private static final RuleInfo INFO = RuleInfo.of(ID, Severity.ERROR, "change", "check")
            .fires("a derived file is missing, or differs from a regeneration of the working tree")
            .fix("Regenerate the derived files ('atomizer dashboards') and commit them.")
            .protects("Committed dashboards that match the log, so what people read on main is current.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /**
     * One diagnostic for each of the {@code stale} derived files of the working tree at {@code root}.
     *
     * @param severity the rule's effective severity (never off)
     */
    public static List<Diagnostic> diagnostics(Path root, List<String> stale, Severity severity) {
        List<Diagnostic> out = new ArrayList<>();
        for (String path : stale) {
            String what = Files.exists(root.resolve(path), LinkOption.NOFOLLOW_LINKS)
                    ? " is not what the generator makes of the log and PROJECT_STATUS.md"
                    : " is missing (the generator makes it from the log and PROJECT_STATUS.md)";
            out.add(new Diagnostic(
                    path,
                    1,
                    1,
                    ID,
                    severity,
                    path + what + "; run 'atomizer dashboards' (or 'mvn atomizer:dashboards') and commit the result"));
        }
        return out;
    }
}
