package dev.atomizer.governance;

import com.google.auto.service.AutoService;
import dev.atomizer.api.Rule;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.git.FileChange;
import dev.atomizer.lint.Report;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "the commit message tells GitHub to start no run": {@code [skip ci]}, {@code [ci skip]},
 * {@code [no ci]}, {@code [skip actions]}, {@code [actions skip]} or a {@code skip-checks: true}
 * line. Such a push is checked by no run of its own. Atomizer's bot never writes one (its commits
 * start no run because the workflow ignores its paths and its actor), so no commit may: the
 * commit-msg hook and verify refuse it. On the main line ({@code verify --since-verified}) the
 * commit is already there and the run that found it covers it: a warning, so that one such commit
 * does not fail every later run.
 */
@AutoService(Rule.class)
public final class SkipCi extends ChangeRule {

    private static final Pattern MARKER = Pattern.compile(
            "\\[(skip ci|ci skip|no ci|skip actions|actions skip)\\]|^[ \\t]*skip-checks[ \\t]*:[ \\t]*true[ \\t]*$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    public SkipCi() {
        super(INFO);
    }

    @Override
    public void check(ChangeContext context, FileChange change, Report report) {
        // a rule over commit messages: see GitChecks.commitMsg and GitChecks.verify
    }

    /** The first marker in {@code message} as written (e.g. {@code [skip ci]}), or null when it has none. */
    public static String marker(String message) {
        Matcher m = MARKER.matcher(message == null ? "" : message);
        return m.find() ? m.group().strip() : null;
    }

    /**
     * A message as the commit-msg hook receives it, as git will keep it: without what follows the
     * scissors line of {@code commit -v} (the diff) and without comment lines.
     */
    public static String asCommitted(String message) {
        StringBuilder b = new StringBuilder();
        for (String line : message.split("\n", -1)) {
            if (line.startsWith("# ------------------------ >8 ------------------------")) {
                break;
            }
            if (!line.startsWith("#")) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    /** The finding for a message carrying {@code marker}. */
    static String message(String marker, boolean onMainLine) {
        String what = "the commit message says '" + marker + "', which tells GitHub to start no workflow run for"
                + " the push: its commits would reach the branch unverified";
        if (onMainLine) {
            return what + "; this run verifies them (every run verifies from the last verified commit, and a"
                    + " push whose newest commit has no marker starts one)";
        }
        return what + "; remove it from the message ("
                + (marker.toLowerCase(Locale.ROOT).startsWith("skip-checks")
                        ? "the trailer line"
                        : "the bracketed words")
                + "), or, once the commit is pushed, push a new commit without one: only the newest commit's"
                + " message decides whether the run starts";
    }

    public static final RuleInfo INFO = RuleInfo.of("skip-ci", Severity.ERROR, "change", "commit-msg", "verify")
            .fires(
                    "a commit message carries [skip ci], [ci skip], [no ci], [skip actions], [actions skip] or a 'skip-checks: true' line, which would keep GitHub from verifying the push: an error in the commit-msg hook and for the head of a verified range; a warning for an earlier commit of the range and on the main line (verify --since-verified), whose run covers it")
            .fix(
                    "Remove the marker from the message ('git commit --amend' before pushing); for a pushed branch whose newest commit carries it, push a new commit without one. Atomizer's bot needs none: its pushes start no run by their paths and actor.")
            .protects(
                    "Verification of every push: a commit that tells GitHub to start no run would reach the branch unchecked.");
}
