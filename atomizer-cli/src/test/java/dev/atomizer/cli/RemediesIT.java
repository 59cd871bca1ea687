package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.RuleCatalog;
import dev.atomizer.api.RuleInfo;
import dev.atomizer.api.Severity;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitFixture.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every red has a way to green, and the message is the way: for each rule of the catalog, the
 * failing state is made with the real git and the installed hooks (a staged bad entry, an edited
 * report, a crafted root merged in…), the check the user meets says no, and the test then does
 * exactly what the message says — running the command it quotes, with its placeholders filled in —
 * and checks that the result is green: the commit goes through, {@code verify} exits 0. A mistake
 * committed past the hooks on a branch is fixed by a new commit, as {@code verify} says. A message
 * whose remedy does not lead to green fails here; docs/when-atomizer-says-no.md gathers the same
 * ways to green.
 */
class RemediesIT {

    static final Path JAR =
            Path.of(System.getProperty("atomizer.jar", "target/atomizer.jar")).toAbsolutePath();
    static final String LOG = "shared/project_log.md";
    static final String CONTRACT = "shared/data-contracts/schemas.md";
    static final String CHARTER = "context-docs/charter.md";
    static final String NOTES = "knowledge-base/notes.md";
    static final String WEEK = "2026-W08";
    static final String REPORT = "shared/reports/weekly/" + WEEK + "-report.md";
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @TempDir
    static Path tmp;

    /** main: the contract with two agents, a charter, a knowledge base, one entry, dashboards, a report. */
    static GitFixture template;

    static int repos;

    @BeforeAll
    static void template() throws Exception {
        assertThat(JAR).exists();
        template = GitFixture.init(tmp.resolve("template"));
        now(template);
        ok(atomizer(template, "init"));
        String contract = template.read(CONTRACT);
        template.write(
                CONTRACT,
                contract.replace(
                        "| Agent | Role | Silent after |\n|-------|------|--------------|\n",
                        "| Agent | Role | Silent after |\n|-------|------|--------------|\n"
                                + "| `manager` | Manager | |\n| `optimizer` | Optimizer | |\n"));
        template.write(CHARTER, "# Charter\n\nWhat the team is for.\n");
        template.write(NOTES, "# Notes\n\nWhat we learned.\n");
        template.run("add", "-A");
        if (commit(template, "Set up the status repository").code() != 0) {
            template.run("add", "-A"); // the hook regenerated what the edits changed: once more
            ok(commit(template, "Set up the status repository"));
        }
        template.append(LOG, entry("2026-02-16 09:00", "manager", "milestone", "completed", "Kick-off."));
        ok(atomizer(template, "dashboards"));
        template.run("add", "-A");
        ok(commit(template, "Kick-off"));
        ok(atomizer(template, "report", "weekly", "--week", WEEK));
        template.run("add", "-A");
        ok(commit(template, "Report " + WEEK));
        Run check = atomizer(template, "check");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
    }

    // ---- the catalog: one case each ----

    /** Every rule of the catalog (each has a fix: RuleReferenceTest) is followed to green here. */
    @TestFactory
    Stream<DynamicTest> everyRuleOfTheCatalogHasARemedyThatWorks() {
        Map<String, Case> cases = cases();
        return RuleCatalog.all().stream()
                .map(r -> DynamicTest.dynamicTest(r.id(), () -> {
                    Case c = cases.get(r.id());
                    assertThat(c)
                            .as(r.id() + " has a remedy case in RemediesIT: make it fail, follow its message,"
                                    + " reach green")
                            .isNotNull();
                    c.run(r);
                }));
    }

    @Test
    void noCaseForARuleOutsideTheCatalog() {
        assertThat(cases().keySet()).allMatch(RuleCatalog::exists);
    }

    /**
     * The other way an unknown agent or event type gets to green, as both messages say: a row of
     * the contract, a foundational file, committed with the approval trailers with the entry.
     */
    @Test
    void anUnknownAgentOrEventTypeIsARowOfTheContractCommittedWithItsApproval() throws Exception {
        GitFixture repo = fresh("contract-rows");
        String entry = entry("2026-02-16 10:00", "ghost", "kickoff", "completed", "Started.");
        repo.stage(LOG, repo.read(LOG) + entry);
        Run refused = commit(repo, "Log the kick-off");
        assertThat(refused.code()).isNotZero();
        for (String id : List.of("unknown-agent", "unknown-event-type")) {
            assertThat(message(refused, id))
                    .contains("to the " + (id.equals("unknown-agent") ? "Agents" : "Event types") + " table of "
                            + CONTRACT)
                    .contains("the commit that adds it needs the trailers 'Change-Request: <id>' and"
                            + " 'Approved-by: <approver>' (approvers: ceo)");
        }
        String contract = repo.read(CONTRACT)
                .replace("| `optimizer` | Optimizer | |\n", "| `optimizer` | Optimizer | |\n| `ghost` | Writer | |\n")
                .replace("\n| `milestone` | Phase", "\n| `kickoff` | A project starts | |\n| `milestone` | Phase");
        assertThat(contract).contains("`ghost`").contains("`kickoff`");
        repo.stage(CONTRACT, contract);
        ok(commit(repo, "Add the writer and kick-offs", "Change-Request: CR-7\nApproved-by: ceo"));
        Run lint = atomizer(repo, "lint");
        assertThat(lint.code()).as(lint.out() + lint.err()).isZero();
    }

    /**
     * A governed file replaced by a symlink is a deletion of it, under the rule of its path: the
     * hook's restore, and verify's undo of a commit made past the hooks, both lead to green.
     */
    @Test
    void aGovernedFileMadeASymlinkIsRestoredOrUndone() throws Exception {
        GitFixture repo = fresh("symlink");
        Files.delete(repo.file(NOTES));
        Files.createSymbolicLink(repo.file(NOTES), Path.of("../" + CHARTER));
        repo.git("add", NOTES);
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 10:00", "manager", "milestone", "completed", "Work."));
        Run refused = commit(repo, "Point the notes at the charter");
        assertThat(refused.code()).isNotZero();
        String msg = message(refused, "no-delete");
        assertThat(msg).contains("is a symlink here, in place of the file");
        run(repo, command(msg, "git checkout HEAD -- "));
        ok(commit(repo, "Log work"));
        assertThat(repo.file(NOTES)).isRegularFile();

        GitFixture range = fresh("symlink-range");
        range.git("checkout", "-q", "-b", "work");
        Files.delete(range.file(NOTES));
        Files.createSymbolicLink(range.file(NOTES), Path.of("../" + CHARTER));
        range.git("add", NOTES);
        range.git("commit", "-q", "--no-verify", "-m", "Point the notes at the charter");
        Run verify = atomizer(range, "verify", "--base", "main");
        assertThat(verify.code()).isEqualTo(1);
        ok(run(range, command(message(verify, "no-delete"), "git revert ")));
        green(range);
        assertThat(range.file(NOTES)).isRegularFile();
    }

    /**
     * A derived file left as init made it while the root commit's edits change it: the hook
     * regenerates it and asks, once, to stage it; the command it quotes, and the same commit again,
     * go through.
     */
    @Test
    void aStaleDerivedFileIsRegeneratedByTheHookAndStagedAsItSays() throws Exception {
        GitFixture team = template.at(tmp.resolve("stale-team"));
        Files.createDirectories(team.dir());
        now(team);
        team.git("init", "-q", "-b", "main");
        ok(atomizer(team, "init"));
        team.write(
                "shared/PROJECT_STATUS.md",
                team.read("shared/PROJECT_STATUS.md").replace("first-project", "rig-test"));
        team.run("add", "-A");
        Run refused = commit(team, "Set up the status repository");
        assertThat(refused.code()).isNotZero();
        assertThat(message(refused, "generated-file")).contains("is stale");
        String line = refused.err()
                .lines()
                .filter(l -> l.contains("commit blocked"))
                .findFirst()
                .orElseThrow();
        Matcher m = Pattern.compile("\\((git add [^)]*)\\) and commit again").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        ok(run(team, m.group(1)));
        ok(commit(team, "Set up the status repository"));
        Run check = atomizer(team, "check");
        assertThat(check.code()).as(check.out() + check.err()).isZero();
    }

    @FunctionalInterface
    interface Case {
        void run(RuleInfo rule) throws Exception;
    }

    Map<String, Case> cases() {
        Map<String, Case> m = new LinkedHashMap<>();
        // the log contract: a bad entry (made from its timestamp), and the edit its message asks for
        entry(
                m,
                "agent-id-format",
                ts -> entry(ts, "Manager", "milestone", "completed", "Work."),
                (e, msg) -> e.replace("] Manager |", "] " + quotedAfter(msg, "e.g. ") + " |"));
        entry(
                m,
                "heading-format",
                ts -> entry(ts, "manager", "milestone", "completed", "Work.")
                        .replace("manager | first-project", "manager |first-project"),
                (e, msg) -> {
                    assertThat(msg).contains("exactly one space after the first '|'");
                    return e.replace("manager |first-project", "manager | first-project");
                });
        entry(
                m,
                "project-slug-format",
                ts -> entry(ts, "manager", "milestone", "completed", "Work.").replace("first-project", "First_Project"),
                (e, msg) -> e.replace("First_Project", quotedAfter(msg, "e.g. ")));
        entry(
                m,
                "timestamp-future",
                ts -> entry("2099-02-16 10:00", "manager", "milestone", "completed", "Work."),
                (e, msg) -> {
                    assertThat(msg).contains("stamp it with the current time");
                    return e.replace("2099-02-16 10:00", clock());
                });
        entry(
                m,
                "timestamp-invalid",
                ts -> entry("2026-02-30 10:00", "manager", "milestone", "completed", "Work."),
                (e, msg) -> {
                    assertThat(msg).contains("is not a real date");
                    // a real date: when it happened is now, as for any entry
                    return e.replace("2026-02-30 10:00", clock());
                });
        entry(
                m,
                "timestamp-order",
                ts -> entry("2026-02-16 08:00", "manager", "milestone", "completed", "Work."),
                (e, msg) -> {
                    assertThat(msg).contains("append new entries at the end with the current time");
                    return e.replace("2026-02-16 08:00", clock()).replace("Work.", "Work (done at 08:00).");
                });
        entry(
                m,
                "unknown-agent",
                ts -> entry(ts, "ghost", "milestone", "completed", "Work."),
                (e, msg) -> e.replace(
                        "] ghost |",
                        "] " + listAfter(msg, "the contract lists ").get(0) + " |"));
        entry(
                m,
                "unknown-event-type",
                ts -> entry(ts, "manager", "kickoff", "completed", "Work."),
                (e, msg) -> e.replace(
                        "| kickoff", "| " + listAfter(msg, "use one of ").get(0)));
        entry(
                m,
                "unknown-project",
                ts -> entry(ts, "manager", "milestone", "completed", "Work.").replace("first-project", "other-project"),
                (e, msg) -> e.replace(
                        "other-project", listAfter(msg, "PROJECT_STATUS.md (").get(0)));
        entry(m, "blockers-missing", ts -> entry(ts, "manager", "milestone", "blocked", "Waiting."), (e, msg) -> {
            String line = quotedAfter(msg, "add ")
                    .replace("<what blocks, and who can unblock>", "the supplier's data; the manager chases it");
            return e.replace("**Summary:** Waiting.\n", "**Summary:** Waiting.\n" + line + "\n");
        });
        entry(
                m,
                "duplicate-field",
                ts -> entry(ts, "manager", "milestone", "completed", "Work.")
                        .replace("**Summary:** Work.\n", "**Summary:** Work.\n**Summary:** More work.\n"),
                (e, msg) -> {
                    assertThat(msg).contains("first on the line above").contains("merge them into one");
                    return e.replace(
                            "**Summary:** Work.\n**Summary:** More work.\n", "**Summary:** Work, more work.\n");
                });
        entry(
                m,
                "field-order",
                ts -> entry(ts, "manager", "milestone", "completed", "Work.")
                        .replace(
                                "**Status:** completed\n**Summary:** Work.\n",
                                "**Summary:** Work.\n**Status:** completed\n"),
                (e, msg) -> {
                    assertThat(msg).contains("the contract order is Status, Summary");
                    return e.replace(
                            "**Summary:** Work.\n**Status:** completed\n",
                            "**Status:** completed\n**Summary:** Work.\n");
                });
        entry(
                m,
                "status-invalid",
                ts -> entry(ts, "manager", "milestone", "done", "Work."),
                (e, msg) -> e.replace(
                        "**Status:** done", "**Status:** " + pick(listAfter(msg, "is not one of "), "completed")));
        entry(
                m,
                "status-missing",
                ts -> entry(ts, "manager", "milestone", "completed", "Work.").replace("**Status:** completed\n", ""),
                (e, msg) -> {
                    String line = quotedAfter(msg, "add a line ");
                    assertThat(line).startsWith("**Status:** ").contains("completed");
                    assertThat(msg).endsWith("after the heading");
                    return e.replace("**Summary:**", "**Status:** completed\n**Summary:**");
                });
        entry(
                m,
                "summary-missing",
                ts -> entry(ts, "manager", "milestone", "completed", "Work.").replace("**Summary:** Work.\n", ""),
                (e, msg) -> {
                    assertThat(quotedAfter(msg, "add a line ")).isEqualTo("**Summary:** <one line>");
                    return e.replace("**Status:** completed\n", "**Status:** completed\n**Summary:** Work.\n");
                });
        entry(
                m,
                "summary-multiline",
                ts -> entry(ts, "manager", "milestone", "completed", "Work\nand more."),
                (e, msg) -> {
                    assertThat(msg).contains("keep it to one line and move the rest to **Detail:**");
                    return e.replace("**Summary:** Work\nand more.\n", "**Summary:** Work.\n**Detail:** And more.\n");
                });
        String longer = "Work " + "and more work ".repeat(16) + "done.";
        entry(m, "summary-too-long", ts -> entry(ts, "manager", "milestone", "completed", longer), (e, msg) -> {
            assertThat(msg).contains("shorten it and move the rest to **Detail:**");
            return e.replace("**Summary:** " + longer + "\n", "**Summary:** Work done.\n**Detail:** " + longer + "\n");
        });
        entry(
                m,
                "unknown-field",
                ts -> entry(ts, "manager", "milestone", "completed", "Work.")
                        .replace("**Summary:** Work.\n", "**Summary:** Work.\n**Owner:** the manager\n"),
                (e, msg) -> {
                    List<String> fields = listAfter(msg, "the contract defines ");
                    assertThat(fields).contains("Detail");
                    return e.replace("**Owner:** the manager", "**Detail:** Owner: the manager");
                });
        entry(
                m,
                "metric-required",
                ts -> entry(ts, "optimizer", "study-iteration", "completed", "Iteration 3.")
                        .replace(
                                "**Summary:** Iteration 3.\n", "**Summary:** Iteration 3.\n**Metrics:** iteration=3\n"),
                (e, msg) -> {
                    String pair = quotedAfter(msg, "; add ").replace("<value>", "0.42");
                    assertThat(msg).endsWith("to **Metrics:**");
                    return e.replace("**Metrics:** iteration=3", "**Metrics:** iteration=3, " + pair);
                });
        entry(
                m,
                "metrics-duplicate-key",
                ts -> entry(ts, "manager", "milestone", "completed", "Work.")
                        .replace("**Summary:** Work.\n", "**Summary:** Work.\n**Metrics:** hours=3, hours=4\n"),
                (e, msg) -> {
                    assertThat(msg).contains("metric 'hours' appears twice; keep one value");
                    return e.replace("hours=3, hours=4", "hours=4");
                });
        entry(
                m,
                "metrics-format",
                ts -> entry(ts, "optimizer", "study-iteration", "completed", "Iteration 4.")
                        .replace(
                                "**Summary:** Iteration 4.\n",
                                "**Summary:** Iteration 4.\n**Metrics:** iteration: 4, objective: 0.31\n"),
                (e, msg) -> e.replace("iteration: 4, objective: 0.31", quotedAfter(msg, "did you mean ")));
        entry(
                m,
                "control-character",
                ts -> entry(ts, "manager", "milestone", "completed", "Work\u0001 done."),
                (e, msg) -> {
                    assertThat(msg).contains("(U+0001)").contains("remove it");
                    return e.replace("\u0001", "");
                });
        entry(m, "encoding", ts -> entry(ts, "manager", "milestone", "completed", "Caf\u00e9 meeting."), (e, msg) -> {
            assertThat(msg).contains("(byte 0xE9)").contains("save it as UTF-8");
            return e; // the same text, saved as UTF-8 (the bad version is written in ISO-8859-1)
        });
        entry(
                m,
                "separator-missing",
                ts -> entry(ts, "manager", "milestone", "completed", "Work.").replace("Work.\n\n---", "Work.\n---"),
                (e, msg) -> {
                    assertThat(msg).contains("add a blank line before '---'");
                    return e.replace("Work.\n---", "Work.\n\n---");
                });
        entry(
                m,
                "stray-content",
                ts -> entry(ts, "manager", "milestone", "completed", "Work.") + "\nAlso, the rig is booked.\n",
                (e, msg) -> {
                    assertThat(msg).contains("move it above the '---' into the entry's **Detail:** field");
                    return e.replace(
                            "Work.\n\n---\n\nAlso, the rig is booked.\n",
                            "Work.\n**Detail:** Also, the rig is booked.\n\n---\n");
                });

        // governance
        m.put("append-only", this::appendOnly);
        m.put("immutable-path", this::immutablePath);
        m.put("no-delete", this::noDelete);
        m.put("write-once", this::writeOnce);
        m.put("report-revision", this::reportRevision);
        m.put("generated-file", this::generatedFile);
        m.put("generated-stale", this::generatedStale);
        m.put("path-collision", this::pathCollision);
        m.put("foreign-history", this::foreignHistory);
        m.put("not-generated", this::notGenerated);
        m.put("skip-ci", this::skipCi);
        m.put("entry-identity", this::entryIdentity);
        m.put("path-owner", this::pathOwner);
        m.put("entry-move", this::entryMove);
        m.put("inbox-entry", this::inboxEntry);

        // the log's size
        m.put("log-size-render", rule -> logSize(rule, "1 KB", "50 KB"));
        m.put("log-size-limit", rule -> logSize(rule, "1 KB", "2 KB"));
        return m;
    }

    /**
     * An entry rule: on a branch, the hook refuses the staged bad entry, the entry is edited as the
     * message says and the commit goes through (a warning: it goes through at once, and the edit
     * takes the warning away); then the same mistake committed past the hooks fails verify, the
     * edit is committed as a new commit, and verify passes.
     */
    void entry(
            Map<String, Case> m,
            String id,
            java.util.function.Function<String, String> bad,
            BiFunction<String, String, String> fix) {
        m.put(id, rule -> {
            GitFixture repo = fresh(id);
            repo.git("checkout", "-q", "-b", "work");
            String base = repo.read(LOG);
            boolean latin1 = id.equals("encoding");

            // 1. the hook says no; the staged entry is edited as the message says, staged, committed
            String wrong = bad.apply("2026-02-16 10:00");
            stageLog(repo, base, wrong, latin1);
            Run refused = commit(repo, "Log work");
            String msg = message(refused, id);
            if (rule.severity() == Severity.ERROR) {
                assertThat(refused.code()).as(refused.out() + refused.err()).isNotZero();
                assertThat(refused.err()).contains("commit blocked").contains("'git add' them and commit again");
            } else {
                assertThat(refused.code()).as(refused.out() + refused.err()).isZero();
            }
            String right = fix.apply(wrong, msg);
            repo.stage(LOG, base + right);
            Run fixed = commit(repo, rule.severity() == Severity.ERROR ? "Log work" : "Follow the warning");
            assertThat(fixed.code()).as(fixed.out() + fixed.err()).isZero();
            assertThat(fixed.out() + fixed.err()).doesNotContain("[" + id + "]");
            Run lint = atomizer(repo, "lint");
            assertThat(lint.out() + lint.err()).as("lint after the fix").doesNotContain("[" + id + "]");
            if (rule.severity() != Severity.ERROR) {
                return;
            }

            // 2. the same mistake committed past the hooks: verify says no; a new commit fixes it
            String committed = repo.read(LOG);
            String again = bad.apply("2026-02-16 11:00");
            stageLog(repo, committed, again, latin1);
            repo.git("commit", "-q", "--no-verify", "-m", "Log more work");
            Run verify = atomizer(repo, "verify", "--base", "main");
            assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(1);
            assertThat(verify.err()).contains("fix with a new commit");
            String said = message(verify, id);
            repo.stage(LOG, committed + fix.apply(again, said));
            Run newCommit = commit(repo, "Fix the entry");
            assertThat(newCommit.code()).as(newCommit.out() + newCommit.err()).isZero();
            green(repo);
        });
    }

    // ---- governance ----

    /** An old entry edited: restored and a correcting entry appended, or an approved amendment; in a range, undone or approved by new commits. */
    void appendOnly(RuleInfo rule) throws Exception {
        String id = rule.id();
        GitFixture repo = fresh(id + "-restore");
        String edited = repo.read(LOG).replace("Kick-off.", "Kick-off (a day late).");
        repo.write(LOG, edited + entry("2026-02-16 10:00", "manager", "milestone", "completed", "Work."));
        repo.git("add", LOG);
        Run refused = commit(repo, "Log work");
        String msg = message(refused, id);
        assertThat(refused.code()).isNotZero();
        run(repo, command(msg, "git checkout HEAD -- "));
        assertThat(msg).contains("and append your entries (a correcting entry, not an edit)");
        repo.append(LOG, entry("2026-02-16 10:00", "manager", "milestone", "completed", "Kick-off was a day late."));
        repo.git("add", LOG);
        ok(commit(repo, "Log work"));

        // the same edit kept: the commit the hook quotes, with the trailers filled in
        GitFixture amend = fresh(id + "-amend");
        amend.stage(LOG, edited);
        Run blocked = commit(amend, "Correct the kick-off entry");
        assertThat(blocked.code()).isNotZero();
        assertThat(message(blocked, id)).contains("keep the edit: add the trailers");
        ok(run(amend, hookCommand(blocked)));

        // in a range: undone by a new commit, or made again approved
        GitFixture range = fresh(id + "-range");
        range.git("checkout", "-q", "-b", "work");
        range.stage(LOG, edited);
        range.git("commit", "-q", "--no-verify", "-m", "Edit the kick-off");
        Run verify = atomizer(range, "verify", "--base", "main");
        assertThat(verify.code()).isEqualTo(1);
        followUndoAndApproval(range, message(verify, id));
        assertThat(range.read(LOG)).contains("Kick-off (a day late).");
    }

    /** An inbox entry (as 'atomizer log' writes one with the inbox on), staged. */
    static String stageInbox(GitFixture repo, String name, String ts, String summary) throws IOException {
        String path = "shared/inbox/" + name;
        repo.stage(path, entry(ts, "manager", "milestone", "completed", summary).substring(1));
        return path;
    }

    void entryMove(RuleInfo rule) throws Exception {
        String id = rule.id();
        GitFixture repo = fresh(id);
        String ts = clock();
        String inbox = stageInbox(repo, ts.replace(' ', 'T').replace(":", "") + "-manager-0a1b2c3d.md", ts, "Work.");
        ok(commit(repo, "Log work"));
        // edited after it was written: the hook says no, the quoted restore leads to green
        String written = repo.read(inbox);
        repo.stage(inbox, written.replace("Work.", "Work, done."));
        Run refused = commit(repo, "Edit the entry");
        assertThat(refused.code()).isNotZero();
        String msg = message(refused, id);
        assertThat(msg).contains("edited after it was written");
        ok(run(repo, command(msg, "git checkout HEAD -- ")));
        assertThat(repo.read(inbox)).isEqualTo(written);
        ok(atomizer(
                repo,
                "log",
                "--agent",
                "manager",
                "--project",
                "first-project",
                "--event",
                "milestone",
                "--status",
                "completed",
                "--summary",
                "Work is done."));
        repo.git("add", "-A");
        ok(commit(repo, "Log the correction"));

        // removed without a fold, past the hooks on a branch: verify says no, the quoted revert fixes it
        GitFixture range = fresh(id + "-range");
        stageInbox(range, inbox.substring("shared/inbox/".length()), ts, "Work.");
        ok(commit(range, "Log work"));
        range.git("checkout", "-q", "-b", "work");
        range.git("rm", "-q", inbox);
        range.git("commit", "-q", "--no-verify", "-m", "Drop the entry");
        Run verify = atomizer(range, "verify", "--base", "main");
        assertThat(verify.code()).isEqualTo(1);
        String dropped = message(verify, id);
        assertThat(dropped).contains("removed from the inbox but not folded into the log byte for byte");
        ok(run(range, command(dropped, "git revert ")));
        green(range);
    }

    void inboxEntry(RuleInfo rule) throws Exception {
        String id = rule.id();
        GitFixture repo = fresh(id);
        String ts = clock();
        stageInbox(repo, "my-entry.md", ts, "Work.");
        Run refused = commit(repo, "Log work");
        assertThat(refused.code()).isNotZero();
        String msg = message(refused, id);
        ok(run(repo, command(msg, "git mv ")));
        ok(commit(repo, "Log work"));
        assertThat(repo.git("ls-files", "shared/inbox")).contains("-manager-");

        GitFixture range = fresh(id + "-range");
        range.git("checkout", "-q", "-b", "work");
        stageInbox(range, "note.md", ts, "Work.");
        range.git("commit", "-q", "--no-verify", "-m", "Log work");
        Run verify = atomizer(range, "verify", "--base", "main");
        assertThat(verify.code()).isEqualTo(1);
        ok(run(range, command(message(verify, id), "git mv ")));
        range.git("commit", "-q", "-m", "Name the inbox entry");
        green(range);
    }

    void immutablePath(RuleInfo rule) throws Exception {
        GitFixture repo = fresh(rule.id());
        repo.append(CHARTER, "\nAnd what it is not for.\n");
        repo.git("add", CHARTER);
        Run refused = commit(repo, "Sharpen the charter");
        assertThat(refused.code()).isNotZero();
        message(refused, rule.id());
        ok(run(repo, hookCommand(refused)));
        approvalsInARange(rule.id(), r -> r.append(CHARTER, "\nAnd what it is not for.\n"));
    }

    void noDelete(RuleInfo rule) throws Exception {
        GitFixture repo = fresh(rule.id());
        repo.git("rm", "-q", NOTES);
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 10:00", "manager", "milestone", "completed", "Tidy."));
        Run refused = commit(repo, "Tidy up");
        assertThat(refused.code()).isNotZero();
        String msg = message(refused, rule.id());
        // restore it, and the rest of the commit goes through
        run(repo, command(msg, "git checkout HEAD -- "));
        ok(commit(repo, "Tidy up"));
        assertThat(repo.file(NOTES)).exists();
        // or delete it with the approval, as the hook quotes
        repo.git("rm", "-q", NOTES);
        Run again = commit(repo, "Drop the notes");
        assertThat(again.code()).isNotZero();
        ok(run(repo, hookCommand(again)));
        approvalsInARange(rule.id(), r -> r.git("rm", "-q", NOTES));
    }

    void writeOnce(RuleInfo rule) throws Exception {
        GitFixture repo = fresh(rule.id());
        String report = repo.read(REPORT);
        repo.stage(REPORT, report + "\nOne more highlight.\n");
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 10:00", "manager", "milestone", "completed", "Work."));
        Run refused = commit(repo, "Add a highlight");
        assertThat(refused.code()).isNotZero();
        String msg = message(refused, rule.id());
        run(repo, command(msg, "git checkout HEAD -- "));
        ok(commit(repo, "Log work"));
        assertThat(repo.read(REPORT)).isEqualTo(report);
        // the correction: the revision the message quotes, committed with the trailers it names
        ok(run(repo, command(msg, "atomizer report weekly ")));
        repo.git("add", "-A");
        assertThat(msg)
                .contains("commit that with the trailers 'Change-Request: <id>' and 'Approved-by: <approver id>'");
        ok(commit(repo, "Revise the report", "Change-Request: CR-7\nApproved-by: ceo"));
        assertThat(repo.file(REPORT.replace(".md", ".r2.md"))).exists();

        // in a range: undone by a new commit
        GitFixture range = fresh(rule.id() + "-range");
        range.git("checkout", "-q", "-b", "work");
        range.stage(REPORT, report + "\nOne more highlight.\n");
        range.git("commit", "-q", "--no-verify", "-m", "Add a highlight");
        Run verify = atomizer(range, "verify", "--base", "main");
        assertThat(verify.code()).isEqualTo(1);
        ok(run(range, command(message(verify, rule.id()), "git revert ")));
        green(range);
    }

    void reportRevision(RuleInfo rule) throws Exception {
        GitFixture repo = fresh(rule.id());
        ok(atomizer(repo, "report", "weekly", "--week", WEEK, "--revise", "--reason", "Figures corrected"));
        repo.git("add", "-A");
        Run refused = commit(repo, "Revise the report");
        assertThat(refused.code()).isNotZero();
        message(refused, rule.id());
        ok(run(repo, hookCommand(refused)));
        approvalsInARange(rule.id(), r -> {
            ok(atomizer(r, "report", "weekly", "--week", WEEK, "--revise", "--reason", "Figures corrected"));
            r.git("add", "-A");
        });
    }

    void generatedFile(RuleInfo rule) throws Exception {
        String dashboard = "shared/dashboards/technical.md";
        GitFixture repo = fresh(rule.id());
        repo.stage(dashboard, repo.read(dashboard) + "\nAll green, trust me.\n");
        Run refused = commit(repo, "Cheer the dashboard up");
        assertThat(refused.code()).isNotZero();
        String msg = message(refused, rule.id());
        ok(run(repo, command(msg, "atomizer dashboards")));
        assertThat(msg).contains("and stage the result");
        repo.git("add", dashboard);
        Run after = commit(repo, "Regenerate");
        // the regenerated file is HEAD's again: nothing left to commit, and nothing refused
        assertThat(after.out() + after.err()).doesNotContain("[" + rule.id() + "]");
        assertThat(repo.git("status", "--porcelain")).isEmpty();

        GitFixture range = fresh(rule.id() + "-range");
        range.git("checkout", "-q", "-b", "work");
        range.append(LOG, entry("2026-02-16 10:00", "manager", "milestone", "completed", "Work."));
        range.append(dashboard, "\nAll green, trust me.\n");
        range.git("add", "-A");
        range.git("commit", "-q", "--no-verify", "-m", "Log work, cheer the dashboard up");
        Run verify = atomizer(range, "verify", "--base", "main");
        assertThat(verify.code()).isEqualTo(1);
        ok(run(range, command(message(verify, rule.id()), "atomizer dashboards")));
        range.git("add", "-A");
        ok(commit(range, "Regenerate the dashboards"));
        green(range);
    }

    /** A file nobody generated under the dashboards: deleted as the message says, in the hook and in a range. */
    void notGenerated(RuleInfo rule) throws Exception {
        String forged = "shared/dashboards/all-green.md";
        GitFixture repo = fresh(rule.id());
        repo.stage(forged, "# Executive summary\n\nEvery project is green.\n");
        Run refused = commit(repo, "A second summary");
        assertThat(refused.code()).isNotZero();
        ok(run(repo, command(message(refused, rule.id()), "git rm")));
        assertThat(repo.git("status", "--porcelain")).isEmpty();

        GitFixture range = fresh(rule.id() + "-range");
        range.git("checkout", "-q", "-b", "work");
        range.stage(forged, "# Executive summary\n\nEvery project is green.\n");
        range.git("commit", "-q", "--no-verify", "-m", "A second summary");
        Run verify = atomizer(range, "verify", "--base", "main");
        assertThat(verify.code()).isEqualTo(1);
        ok(run(range, command(message(verify, rule.id()), "git rm")));
        ok(commit(range, "Remove the second summary"));
        green(range);
    }

    /**
     * A log grown past the contract's limits (lowered to a few KB): lint names the archive to run;
     * after it, lint finds the log within them. The archive commit is made past the hooks: the
     * gate that accepts moves of entries is not part of this test.
     */
    void logSize(RuleInfo rule, String render, String limit) throws Exception {
        GitFixture repo = fresh(rule.id());
        repo.write(
                CONTRACT,
                repo.read(CONTRACT)
                        .replace(
                                "| Verify lag | 24 hours |",
                                "| Verify lag | 24 hours |\n| Log render limit | " + render + " |\n| Log size limit | "
                                        + limit + " |"));
        StringBuilder log = new StringBuilder(repo.read(LOG));
        for (int i = 0; i < 24; i++) {
            log.append(entry(
                    java.time.LocalDate.of(2026, 3, 1).plusDays(i) + " 09:00",
                    "manager",
                    "milestone",
                    "completed",
                    "Work " + i + "."));
        }
        repo.write(LOG, log.toString());
        repo.run("add", "-A");
        repo.git("commit", "-q", "--no-verify", "-m", "Lower the limits and log a month");
        Run lint = atomizer(repo, "lint");
        assertThat(lint.code()).as(lint.out() + lint.err()).isEqualTo(rule.severity() == Severity.ERROR ? 1 : 0);
        String msg = message(lint, rule.id());
        ok(run(repo, command(msg, "atomizer archive --before ") + " --no-commit"));
        repo.git("commit", "-q", "--no-verify", "-m", "Archive the log's old entries");
        Run after = atomizer(repo, "lint");
        assertThat(after.code()).as(after.out() + after.err()).isZero();
        assertThat(after.out() + after.err()).doesNotContain("[log-size-");
    }

    /** A skip marker: the message is written again without it; on a pushed branch, a new commit without one. */
    void skipCi(RuleInfo rule) throws Exception {
        GitFixture repo = fresh(rule.id());
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 10:00", "manager", "milestone", "completed", "Work."));
        Run refused = commit(repo, "Log work [skip ci]");
        assertThat(refused.code()).isNotZero();
        assertThat(message(refused, rule.id())).contains("remove it from the message");
        ok(commit(repo, "Log work"));

        GitFixture range = fresh(rule.id() + "-range");
        range.git("checkout", "-q", "-b", "work");
        range.stage(LOG, range.read(LOG) + entry("2026-02-16 10:00", "manager", "milestone", "completed", "Work."));
        range.git("commit", "-q", "--no-verify", "-m", "Log work [skip ci]");
        Run verify = atomizer(range, "verify", "--base", "main");
        assertThat(verify.code()).isEqualTo(1);
        assertThat(message(verify, rule.id())).contains("push a new commit without one");
        range.stage(LOG, range.read(LOG) + entry("2026-02-16 11:00", "manager", "milestone", "completed", "More."));
        ok(commit(range, "Log more work"));
        green(range);
    }

    static final String STATUS_FILE = "shared/PROJECT_STATUS.md";

    /**
     * main's contract, changed in an approved commit: the agents' e-mails and 'Entry identity:
     * author' (init's contract has PROJECT_STATUS.md owned by the manager). The fixture commits as
     * agent@example.com, a person.
     */
    static void bindIdentities(GitFixture repo) throws IOException {
        String before = repo.read(CONTRACT);
        String after = before.replace(
                        "| Agent | Role | Silent after |\n|-------|------|--------------|\n"
                                + "| `manager` | Manager | |\n| `optimizer` | Optimizer | |\n",
                        "| Agent | Role | Silent after | Email |\n|---|---|---|---|\n"
                                + "| `manager` | Manager | | manager@example.com |\n"
                                + "| `optimizer` | Optimizer | | optimizer@example.com |\n")
                .replace("| Entry identity | off |\n", "| Entry identity | author |\n");
        assertThat(after)
                .contains("| `shared/PROJECT_STATUS.md` | owned | Project status, kept by the Manager | `manager` |")
                .contains("manager@example.com")
                .contains("| Entry identity | author |");
        repo.write(CONTRACT, after);
        repo.git("add", CONTRACT);
        repo.git("commit", "-q", "--no-verify", "-m", "Bind the agents\n\nChange-Request: CR-1\nApproved-by: ceo");
    }

    void entryIdentity(RuleInfo rule) throws Exception {
        GitFixture repo = fresh(rule.id());
        bindIdentities(repo);
        repo.git("checkout", "-q", "-b", "work");
        // the hook: the author git will record is a person's, not the manager's
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 10:00", "manager", "milestone", "completed", "Work."));
        Run refused = commit(repo, "Log work");
        assertThat(refused.code()).isNotZero();
        String msg = message(refused, rule.id());
        assertThat(msg).contains("was committed by agent@example.com, which is no agent's or approver's e-mail");
        ok(run(repo, command(msg, "git commit --author") + " -q -m 'Log work'"));
        assertThat(repo.git("log", "-1", "--format=%ae").strip()).isEqualTo("manager@example.com");
        green(repo);

        // past the hooks, by the optimizer: verify, then undo it and let the manager make it again
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 11:00", "manager", "milestone", "completed", "More."));
        ok(repo.run(
                Map.of("GIT_AUTHOR_EMAIL", "optimizer@example.com"),
                "commit",
                "-q",
                "--no-verify",
                "-m",
                "Log for the manager"));
        Run verify = atomizer(repo, "verify", "--base", "main");
        assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(1);
        String vmsg = message(verify, rule.id());
        assertThat(vmsg).contains("which is the e-mail of optimizer");
        ok(run(repo, command(vmsg, "git revert ")));
        green(repo);
        ok(run(repo, command(vmsg, "git cherry-pick ")));
        ok(run(repo, command(vmsg, "git commit -C ")));
        assertThat(repo.git("log", "-1", "--format=%ae").strip()).isEqualTo("manager@example.com");
        green(repo);
    }

    void pathOwner(RuleInfo rule) throws Exception {
        GitFixture repo = fresh(rule.id());
        bindIdentities(repo);
        repo.git("checkout", "-q", "-b", "work");
        repo.stage(STATUS_FILE, repo.read(STATUS_FILE) + "\nA note from a person.\n");
        Run refused = commit(repo, "Note the status");
        assertThat(refused.code()).isNotZero();
        assertThat(message(refused, rule.id())).contains("shared/PROJECT_STATUS.md is owned by manager");
        ok(run(repo, hookCommand(refused)));
        green(repo);
        // the owner needs no approval
        repo.stage(STATUS_FILE, repo.read(STATUS_FILE) + "\nA note from the manager.\n");
        ok(repo.run(Map.of("GIT_AUTHOR_EMAIL", "manager@example.com"), "commit", "-q", "-m", "The manager notes"));
        green(repo);

        GitFixture range = fresh(rule.id() + "-range");
        bindIdentities(range);
        range.git("checkout", "-q", "-b", "work");
        range.stage(STATUS_FILE, range.read(STATUS_FILE) + "\nA note from a person.\n");
        range.git("commit", "-q", "--no-verify", "-m", "Note past the hooks");
        Run verify = atomizer(range, "verify", "--base", "main");
        assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(1);
        followUndoAndApproval(range, message(verify, rule.id()));
    }

    void generatedStale(RuleInfo rule) throws Exception {
        GitFixture repo = fresh(rule.id());
        repo.stage(LOG, repo.read(LOG) + entry("2026-02-16 10:00", "manager", "milestone", "completed", "Work."));
        ok(commit(repo, "Log work"));
        Run check = atomizer(repo, "check");
        assertThat(check.code()).isEqualTo(1);
        String msg = message(check, rule.id());
        ok(run(repo, command(msg, "atomizer dashboards")));
        assertThat(msg).contains("and commit the result");
        repo.git("add", "-A");
        ok(commit(repo, "Regenerate the dashboards"));
        Run after = atomizer(repo, "check");
        assertThat(after.code()).as(after.out() + after.err()).isZero();
    }

    void pathCollision(RuleInfo rule) throws Exception {
        String twin = "Shared/project_log.md";
        GitFixture repo = fresh(rule.id());
        repo.stage(twin, "# My log\n");
        Run refused = commit(repo, "Keep my own log");
        assertThat(refused.code()).isNotZero();
        String msg = message(refused, rule.id());
        assertThat(msg).contains("rename " + twin + " so that its name differs from");
        repo.git("mv", twin, "Shared/my-notes.md");
        ok(commit(repo, "Keep my own notes"));

        GitFixture range = fresh(rule.id() + "-range");
        range.git("checkout", "-q", "-b", "work");
        range.stage(twin, "# My log\n");
        range.git("commit", "-q", "--no-verify", "-m", "Keep my own log");
        Run verify = atomizer(range, "verify", "--base", "main");
        assertThat(verify.code()).isEqualTo(1);
        assertThat(message(verify, rule.id())).contains("rename " + twin);
        range.git("mv", twin, "Shared/my-notes.md");
        ok(commit(range, "Rename my log"));
        green(range);
    }

    /** A root made with git commit-tree, merged in through the hooks: verify says no; the merge is made again. */
    void foreignHistory(RuleInfo rule) throws Exception {
        GitFixture repo = fresh(rule.id());
        repo.git("checkout", "-q", "-b", "work");
        repo.append(LOG, entry("2026-02-16 10:00", "manager", "milestone", "completed", "Work."));
        repo.git("add", LOG);
        ok(commit(repo, "Log work"));
        String blob =
                repo.git("hash-object", "-w", "--stdin", "--path", "x").strip(); // an empty blob: made from /dev/null
        String tree = repo.run("/bin/sh", "-c", "printf '100644 blob " + blob + "\\tlessons.md\\n' | git mktree")
                .out()
                .strip();
        String outer = repo.run("/bin/sh", "-c", "printf '040000 tree " + tree + "\\tknowledge-base\\n' | git mktree")
                .out()
                .strip();
        String root = repo.git("commit-tree", outer, "-m", "Imported lessons").strip();
        ok(repo.run("merge", "-q", "--allow-unrelated-histories", "-m", "Import the lessons", root));
        Run verify = atomizer(repo, "verify", "--base", "main");
        assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(1);
        String msg = message(verify, rule.id());
        // a new branch from the merge's parent in the reviewed history: without the import, green
        ok(run(repo, command(msg, "git checkout -b ")));
        green(repo);
        // and the import approved, as the message says
        ok(run(repo, command(msg, "git merge --no-commit ")));
        ok(run(repo, command(msg, "git commit --no-edit ")));
        green(repo);
        assertThat(repo.file("knowledge-base/lessons.md")).exists();
    }

    /**
     * A change of an approval rule committed past the hooks on a branch: verify says no; the
     * message's undo (a revert) makes it green, and its approval (the change made again, with the
     * trailers) keeps the change and stays green.
     */
    void approvalsInARange(String id, Change change) throws Exception {
        GitFixture range = fresh(id + "-range");
        range.git("checkout", "-q", "-b", "work");
        change.make(range);
        range.git("add", "-A");
        range.git("commit", "-q", "--no-verify", "-m", "Change past the hooks");
        String tree = range.git("rev-parse", "HEAD^{tree}").strip();
        Run verify = atomizer(range, "verify", "--base", "main");
        assertThat(verify.code()).as(verify.out() + verify.err()).isEqualTo(1);
        followUndoAndApproval(range, message(verify, id));
        assertThat(range.git("rev-parse", "HEAD^{tree}").strip()).isEqualTo(tree);
    }

    /** The undo a verify message quotes, then the approval it quotes: green after each. */
    void followUndoAndApproval(GitFixture range, String msg) throws Exception {
        ok(run(range, command(msg, "git revert ")));
        green(range);
        ok(run(range, command(msg, "git cherry-pick ")));
        ok(run(range, command(msg, "git commit -C ")));
        green(range);
    }

    @FunctionalInterface
    interface Change {
        void make(GitFixture repo) throws Exception;
    }

    // ---- helpers ----

    /** verify --base main passes (what the range fixed stays a warning) and lint finds no error. */
    static void green(GitFixture repo) throws IOException {
        Run verify = atomizer(repo, "verify", "--base", "main");
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
    }

    /** A copy of the template (its installed hooks and jar shared by hard links), on main. */
    static GitFixture fresh(String name) throws IOException {
        Path dir = tmp.resolve("r" + (repos++) + "-" + name);
        Path from = template.dir();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = dir.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else if (p.startsWith(from.resolve(".git/atomizer"))) {
                    Files.createLink(to, p);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return now(template.at(dir));
    }

    /** Commits dated now: verify judges entries stamped with the current time against the clock. */
    static GitFixture now(GitFixture repo) {
        return repo.date(LocalDateTime.now(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString()
                + "Z");
    }

    /** The current minute in UTC, the contract's time zone: what "the current time" is for an entry. */
    static String clock() {
        return LocalDateTime.now(ZoneOffset.UTC).format(MINUTE);
    }

    static String entry(String ts, String agent, String event, String status, String summary) {
        return "\n## [" + ts + "] " + agent + " | first-project | " + event + "\n\n**Status:** " + status
                + "\n**Summary:** " + summary + "\n\n---\n";
    }

    /** The log as {@code base} (UTF-8) and {@code tail}, saved in ISO-8859-1 when {@code latin1}; staged. */
    static void stageLog(GitFixture repo, String base, String tail, boolean latin1) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(base.getBytes(StandardCharsets.UTF_8));
        b.writeBytes(tail.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        Files.write(repo.file(LOG), b.toByteArray());
        repo.git("add", LOG);
    }

    static Run atomizer(GitFixture where, String... args) throws IOException {
        String[] cmd = new String[args.length + 3];
        cmd[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        cmd[1] = "-jar";
        cmd[2] = JAR.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        return where.run(cmd);
    }

    /** git commit through the installed hooks; each of {@code message} a paragraph. */
    static Run commit(GitFixture where, String... message) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("commit", "-q"));
        for (String m : message) {
            cmd.add("-m");
            cmd.add(m);
        }
        return where.run(cmd.toArray(String[]::new));
    }

    static Run ok(Run r) {
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return r;
    }

    /** The text of the first finding of {@code rule} in what a command printed (after "[rule] "). */
    static String message(Run r, String rule) {
        String all = r.out() + "\n" + r.err();
        String tag = "[" + rule + "] ";
        return all.lines()
                .filter(l -> l.contains(tag))
                .map(l -> l.substring(l.indexOf(tag) + tag.length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no [" + rule + "] finding in:\n" + all));
    }

    /**
     * The command {@code message} quotes ('…') that starts with {@code start}, with its placeholders
     * filled in as a user would: the change request, the approver, a branch name, a reason.
     */
    static String command(String message, String start) {
        Matcher m = Pattern.compile("'(" + Pattern.quote(start) + "[^']*)'").matcher(message);
        assertThat(m.find())
                .as("the message quotes a command '" + start + "…': " + message)
                .isTrue();
        return fill(m.group(1));
    }

    /** The command at the end of the hook's "commit blocked" line, filled in. */
    static String hookCommand(Run refused) {
        String line = refused.err()
                .lines()
                .filter(l -> l.contains("commit blocked"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no verdict line in " + refused.err()));
        assertThat(line).contains("your changes are still staged; commit them again with the approval trailers");
        return fill(line.substring(line.indexOf("git commit")));
    }

    static String fill(String command) {
        String c = command.replace("<id>", "CR-7")
                .replace("<approver id>", "ceo")
                .replace("<approver>", "ceo")
                .replace("<new-branch>", "redo")
                .replace("…", "Figures corrected");
        assertThat(c.replaceAll("<[^<>\\s]+@[^<>\\s]+>", "")) // an e-mail in a name is no placeholder
                .as("every placeholder filled: " + c)
                .doesNotContain("<");
        if (c.startsWith("atomizer ")) {
            c = "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '" + JAR + "' "
                    + c.substring("atomizer ".length());
        }
        return c;
    }

    static Run run(GitFixture repo, String command) throws IOException {
        return repo.run("/bin/sh", "-c", command);
    }

    /** The text in quotes right after {@code after}: "e.g. 'tech-lead'" gives tech-lead. */
    static String quotedAfter(String message, String after) {
        Matcher m = Pattern.compile(Pattern.quote(after) + "'([^']*)'").matcher(message);
        assertThat(m.find()).as(message).isTrue();
        return m.group(1);
    }

    /** The comma-separated list after {@code after}, up to ')', ':', ';' or the end. */
    static List<String> listAfter(String message, String after) {
        int at = message.indexOf(after);
        assertThat(at).as(message).isNotNegative();
        String rest = message.substring(at + after.length()).split("[):;(]")[0];
        List<String> out = new ArrayList<>();
        for (String s : rest.split(",")) {
            out.add(s.strip());
        }
        return out;
    }

    static String pick(List<String> listed, String wanted) {
        assertThat(listed).contains(wanted);
        return wanted;
    }
}
