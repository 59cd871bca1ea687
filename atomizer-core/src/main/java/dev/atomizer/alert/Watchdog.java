package dev.atomizer.alert;

import dev.atomizer.api.Alert;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Workspace;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.Settings.Setting;
import dev.atomizer.derive.ExecSummary;
import dev.atomizer.derive.Operations;
import dev.atomizer.derive.Sources;
import dev.atomizer.git.CommitInfo;
import dev.atomizer.git.GitRepo;
import dev.atomizer.report.ReportWeek;
import dev.atomizer.state.Entry;
import dev.atomizer.state.Format;
import dev.atomizer.state.LogState;
import dev.atomizer.state.ProjectHealth;
import dev.atomizer.state.Track;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The watchdog: what needs someone's attention at the wall clock, where the dashboards describe the
 * log as of its newest entry (and so keep every agent green when the whole team stops). A pure
 * function of the repository and {@code now}; docs/reference.md lists the alerts and their
 * thresholds.
 */
public final class Watchdog {

    /** Blocked work, as the operations dashboard flags it. */
    static final Duration BLOCKED = Duration.ofHours(48);
    /** A failure nothing has recovered. */
    static final Duration UNRECOVERED = Duration.ofHours(24);

    private Watchdog() {}

    /**
     * The alerts of the repository whose files {@code s} reads (folded up to {@code now}) at
     * {@code now}, in the contract's time zone; {@code git} (or null without history) tells what is
     * committed.
     */
    public static List<Alert> alerts(Sources s, LocalDateTime now, GitRepo git) throws AtomizerException {
        List<Alert> out = new ArrayList<>();
        LogState log = s.log();
        Contract contract = s.contract();
        silence(log, contract, now, out);
        tracks(log, contract, now, out);
        failures(log, now, out);
        budget(s, now, out);
        if (git != null) {
            summary(git, contract, now, out);
            verification(git, contract, now, out);
        }
        report(s, git, now, out);
        out.sort(Alert.ORDER);
        return List.copyOf(out);
    }

    private static void silence(LogState log, Contract contract, LocalDateTime now, List<Alert> out) {
        Map<String, Entry> last = new HashMap<>();
        Entry newest = null;
        for (Entry e : log.entries()) {
            last.put(e.agent(), e);
            newest = newest == null || !e.time().isBefore(newest.time()) ? e : newest;
        }
        if (newest == null) {
            return;
        }
        Duration threshold = contract.settings().minutes(Setting.SILENCE_ALERT);
        Duration silent = Duration.between(newest.time(), now);
        if (silent.compareTo(threshold) > 0) {
            out.add(new Alert(
                    "log-silent",
                    Severity.ERROR,
                    Workspace.LOG,
                    "no entry for " + Format.age(silent) + " (since " + Format.timestamp(newest.time())
                            + "; the Silence alert is " + Format.age(threshold)
                            + "): the team or its Manager may be down"));
        }
        for (Map.Entry<String, Duration> a : contract.silentAfter().entrySet()) {
            Entry e = last.get(a.getKey());
            if (e == null) {
                continue;
            }
            Duration idle = Duration.between(e.time(), now);
            if (idle.compareTo(a.getValue()) > 0) {
                out.add(new Alert(
                        "agent-silent",
                        Severity.WARNING,
                        a.getKey(),
                        "silent for " + Format.age(idle) + " (since " + Format.timestamp(e.time())
                                + "; its Silent after is " + Format.age(a.getValue()) + ")"));
            }
        }
    }

    private static void tracks(LogState log, Contract contract, LocalDateTime now, List<Alert> out) {
        Duration decisionTarget = contract.settings().minutes(Setting.K5_TARGET);
        for (Track d : log.decisions()) {
            if (d.open() && d.age(now).compareTo(decisionTarget) > 0) {
                out.add(new Alert(
                        "decision-overdue",
                        Severity.WARNING,
                        d.name() + " (" + d.project() + ")",
                        "waiting " + Format.age(d.age(now)) + ", over the " + Format.age(decisionTarget)
                                + " target (K5)"));
            }
        }
        for (Track b : log.blocked()) {
            Duration blocked = Duration.between(b.blockedSince(), now);
            if (blocked.compareTo(BLOCKED) > 0) {
                out.add(new Alert(
                        "blocked-overdue",
                        Severity.WARNING,
                        b.name() + " (" + b.project() + ")",
                        "blocked for " + Format.age(blocked) + " (more than 48 h)"));
            }
        }
    }

    private static void failures(LogState log, LocalDateTime now, List<Alert> out) {
        for (Entry f : ProjectHealth.unrecoveredFailures(log)) {
            Duration age = Duration.between(f.time(), now);
            if (age.compareTo(UNRECOVERED) > 0) {
                out.add(new Alert(
                        "failure-unrecovered",
                        Severity.ERROR,
                        (f.ref() == null ? f.agent() : f.ref()) + " (" + f.project() + ")",
                        "failed " + Format.age(age) + " ago (" + Format.timestamp(f.time())
                                + ") and nothing has recovered it in 24 h"));
            }
        }
    }

    private static void budget(Sources s, LocalDateTime now, List<Alert> out) {
        for (Operations.Overrun o : Operations.overruns(s, now)) {
            out.add(new Alert(
                    "budget-overrun",
                    Severity.WARNING,
                    o.agent(),
                    "projected " + Format.count(o.projected()) + " tokens this month, over its budget of "
                            + Format.count(o.budget()) + " (" + Format.percent(o.projected(), o.budget()) + ")"));
        }
    }

    /** The committed exec summary lags the newest commit that changed its sources by more than K1 allows. */
    private static void summary(GitRepo git, Contract contract, LocalDateTime now, List<Alert> out)
            throws AtomizerException {
        // the log's history: an archive or a fold moves entries, and the summary stays true
        CommitInfo log = git.lastEntriesChange();
        CommitInfo status = git.lastChange(Workspace.STATUS);
        CommitInfo source = later(log, status);
        if (source == null || source.committed() == null) {
            return;
        }
        CommitInfo made = git.lastChange(ExecSummary.PATH);
        java.time.Instant regenerated = made == null ? null : made.committed();
        if (regenerated != null && !regenerated.isBefore(source.committed())) {
            return;
        }
        Duration target = contract.settings().minutes(Setting.K1_TARGET);
        java.time.ZoneId zone = contract.settings().zone();
        LocalDateTime changed = LocalDateTime.ofInstant(source.committed(), zone);
        Duration lag = Duration.between(changed, now);
        if (lag.compareTo(target) > 0) {
            out.add(new Alert(
                    "summary-stale",
                    Severity.ERROR,
                    ExecSummary.PATH,
                    (regenerated == null
                                    ? "never committed"
                                    : "last committed " + Format.timestamp(LocalDateTime.ofInstant(regenerated, zone)))
                            + ", before " + source.shortId() + " changed its sources at "
                            + Format.timestamp(changed) + ", " + Format.age(lag) + " ago (K1 target "
                            + Format.age(target) + "): the regeneration job is failing"));
        }
    }

    /**
     * HEAD (the main line, as the watchdog's checkout has it) has been ahead of its last verified
     * commit ({@link Workspace#VERIFIED_REF}, when the clone has it) for longer than the contract's
     * {@code Verify lag}: since the oldest commit of its first-parent line that is not verified was
     * committed. Runs skipped ({@code [skip ci]}), cancelled or failing leave it so.
     */
    private static void verification(GitRepo git, Contract contract, LocalDateTime now, List<Alert> out)
            throws AtomizerException {
        String verified = git.commitIdOrNull(Workspace.VERIFIED_REF);
        if (verified == null || git.unborn()) {
            return; // nothing verified yet: the first green run of the push job sets it
        }
        String head = git.commitId("HEAD", "HEAD");
        if (head.equals(verified)) {
            return;
        }
        String ref = Workspace.VERIFIED_REF + " (" + verified.substring(0, 10) + ")";
        if (!git.isAncestor(verified, head)) {
            out.add(new Alert(
                    "unverified-main",
                    Severity.ERROR,
                    "main",
                    "does not contain its last verified commit " + ref + ": its history was rewritten, and no run"
                            + " verifies it from there; put the old history back, or, once the new one is"
                            + " reviewed, move the ref to it ('git push --force origin <commit>:"
                            + Workspace.VERIFIED_REF + "')"));
            return;
        }
        Map<String, CommitInfo> range = new HashMap<>();
        for (CommitInfo c : git.range(verified, head)) {
            range.put(c.id(), c);
        }
        CommitInfo oldest = range.get(head);
        int ahead = 0;
        for (CommitInfo c = oldest;
                c != null;
                c = c.parents().isEmpty() ? null : range.get(c.parents().get(0))) {
            oldest = c;
            ahead++;
        }
        if (oldest == null || oldest.committed() == null) {
            return;
        }
        java.time.ZoneId zone = contract.settings().zone();
        LocalDateTime since = LocalDateTime.ofInstant(oldest.committed(), zone);
        Duration lag = Duration.between(since, now);
        Duration allowed = contract.settings().minutes(Setting.VERIFY_LAG);
        if (lag.compareTo(allowed) > 0) {
            out.add(new Alert(
                    "unverified-main",
                    Severity.ERROR,
                    "main",
                    ahead + " commit" + (ahead == 1 ? "" : "s") + " ahead of its last verified commit " + ref
                            + " since " + oldest.shortId() + " (" + Format.timestamp(since) + "), "
                            + Format.age(lag) + " ago (Verify lag " + Format.age(allowed)
                            + "): the push job's runs were skipped, cancelled or are failing; read the verify step"
                            + " of its last run on main (re-run it, or push a fix: the next run verifies from there)"));
        }
    }

    private static CommitInfo later(CommitInfo a, CommitInfo b) {
        if (a == null || a.committed() == null) {
            return b;
        }
        if (b == null || b.committed() == null) {
            return a;
        }
        return a.committed().isBefore(b.committed()) ? b : a;
    }

    /** The last week whose report is due has none committed (none in the working tree without git). */
    private static void report(Sources s, GitRepo git, LocalDateTime now, List<Alert> out) throws AtomizerException {
        if (s.log().entries().isEmpty()) {
            return;
        }
        var settings = s.contract().settings();
        ReportWeek week = ReportWeek.containing(now, settings);
        while (now.isBefore(week.due())) {
            week = week.previous(); // the last week whose report is due by now
        }
        LocalDateTime due = week.due();
        if (week.to().isBefore(s.log().entries().get(0).time())) {
            return; // the log started after that week's cut-off: its report had nothing to cover
        }
        String path = Workspace.weeklyReport(week.iso().toString());
        boolean committed;
        try {
            if (git != null && !git.unborn()) {
                // the report with its revisions: the latest revision is the week's report
                dev.atomizer.git.Tree head = git.headFiles();
                committed = dev.atomizer.api.Revision.latest(path, p -> head.read(p) != null) > 0;
            } else {
                committed = s.read(path) != null;
            }
        } catch (java.io.IOException e) {
            throw new AtomizerException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (!committed) {
            out.add(new Alert(
                    "report-overdue",
                    Severity.WARNING,
                    path,
                    "the report of " + week.iso() + " was due " + Format.timestamp(due) + ", "
                            + Format.age(Duration.between(due, now)) + " ago, and is not committed"));
        }
    }
}
