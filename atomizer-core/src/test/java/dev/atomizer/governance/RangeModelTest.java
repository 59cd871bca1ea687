package dev.atomizer.governance;

import static dev.atomizer.governance.MergeFixture.LOG;
import static dev.atomizer.governance.MergeFixture.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.Severity;
import dev.atomizer.git.GitFixture;
import dev.atomizer.git.GitRepo;
import dev.atomizer.git.Signers;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A range is judged by what it brings to its base, whatever its commits claim: the hostile
 * shapes (a crafted root or an old ancestor as a merge's parent, a contract downgraded through a
 * parent without one, a signed approval replayed over a commit its signer never saw) fail, through
 * the real git binary; and a branch's own mistakes, corrected later in the range, do not.
 */
class RangeModelTest {

    static final String MISSION = "context-docs/00-mission.md";
    static final String KB = "knowledge-base/materials.md";
    static final String REPORT = "shared/reports/weekly/2026-W08-report.md";
    static final String CONTRACT = "shared/data-contracts/schemas.md";
    static final String BASE_LOG = "# Project log\n\n" + entry("2026-02-16 09:00", "manager", "Kick-off.")
            + entry("2026-02-16 09:30", "manager", "Plan.");
    static final String APPROVED = "\n\nChange-Request: CR-1\nApproved-by: ceo";

    @TempDir
    Path tmp;

    GitFixture repo;
    MergeFixture m;
    String start;

    @BeforeEach
    void init() throws Exception {
        repo = GitFixture.init(tmp.resolve("repo"));
        m = new MergeFixture(repo);
        repo.write(MISSION, "# Mission\n\nBuild the best optimizer.\n")
                .write(KB, "# Materials\n\n" + "Ti-6Al-4V: E = 114 GPa.\n".repeat(10))
                .write(REPORT, "# Week 8\n\nAll green.\n")
                .stage(LOG, BASE_LOG);
        repo.git("add", "-A");
        start = repo.commit("Start");
    }

    GitChecks.Result verify(String base) throws Exception {
        return verify(base, Instant.now());
    }

    GitChecks.Result verify(String base, Instant now) throws Exception {
        try (GitRepo git = GitRepo.open(repo.dir())) {
            return RangeVerification.of(git).base(base).head("HEAD").now(now).call();
        }
    }

    static List<String> errors(GitChecks.Result r) {
        return r.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .map(d -> d.path() + " " + d.rule())
                .distinct()
                .toList();
    }

    /** A branch from the current HEAD that appends one entry; back on main afterwards. */
    String branchAppending(String name, String ts) throws Exception {
        repo.git("checkout", "-q", "-b", name);
        String tip = repo.commit(LOG, repo.read(LOG) + entry(ts, "optimizer", "Work on " + name + "."));
        repo.git("checkout", "-q", "main");
        return tip;
    }

    /** The tree of the branch tip with the foundational, knowledge and report files deleted and the log rewritten. */
    String gutted(String tip) throws Exception {
        repo.git("checkout", "-q", tip);
        return m.tree(r -> {
            r.git("rm", "-q", MISSION, KB, REPORT);
            r.stage(LOG, r.read(LOG).replace("Kick-off.", "Nothing happened."));
        });
    }

    // ---- 1. a crafted root as a parent ----

    @Test
    void aCraftedRootAsFirstParentDeletesNothing() throws Exception {
        String tip = branchAppending("work", "2026-02-16 10:00");
        String tree = gutted(tip);
        String empty = repo.git("hash-object", "-t", "tree", "/dev/null").strip();
        String root = repo.git("commit-tree", empty, "-m", "Root").strip();
        String merge = m.craft(tree, "Merge work", root, tip);
        GitChecks.Result r = verify(start);
        assertThat(r.failed()).isTrue();
        assertThat(errors(r))
                .contains(
                        " foreign-history",
                        MISSION + " immutable-path",
                        KB + " no-delete",
                        REPORT + " write-once",
                        LOG + " append-only");
        assertThat(r.diagnostics())
                .filteredOn(d -> d.rule().equals("foreign-history"))
                .singleElement()
                .satisfies(d -> assertThat(d.message())
                        .startsWith(merge.substring(0, 10))
                        .contains("first parent " + root.substring(0, 10) + " is not in the reviewed history"));
    }

    @Test
    void aCraftedRootAsSecondOrMiddleParentOfAnOctopusDeletesNothing() throws Exception {
        String tip = branchAppending("work", "2026-02-16 10:00");
        String other = branchAppending("other", "2026-02-16 10:30");
        String tree = gutted(tip);
        String root = repo.git("commit-tree", tree, "-m", "Unrelated").strip();
        m.craft(tree, "Merge", tip, root, other);
        GitChecks.Result r = verify(start);
        assertThat(errors(r))
                .contains(" foreign-history", MISSION + " immutable-path", KB + " no-delete", REPORT + " write-once");
        assertThat(r.diagnostics())
                .filteredOn(d -> d.rule().equals("foreign-history"))
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("second parent"));
    }

    @Test
    void aForeignHistoryOfSeveralCommitsIsNamedByItsRoot() throws Exception {
        String tip = branchAppending("work", "2026-02-16 10:00");
        String tree = gutted(tip);
        String root = repo.git("commit-tree", tree, "-m", "Import root").strip();
        String next =
                repo.git("commit-tree", tree, "-p", root, "-m", "Import 2").strip();
        m.craft(tree, "Merge import", tip, next);
        GitChecks.Result r = verify(start);
        assertThat(r.diagnostics())
                .filteredOn(d -> d.rule().equals("foreign-history"))
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("starts at the root commit " + root.substring(0, 10)));
        assertThat(errors(r)).contains(MISSION + " immutable-path");
    }

    @Test
    void anApprovedImportOfUnrelatedHistoryPasses() throws Exception {
        String tip = branchAppending("work", "2026-02-16 10:00");
        repo.git("checkout", "-q", tip);
        String tree = m.tree(r -> r.stage("imported/notes.md", "# Notes\n"));
        String root = repo.git("commit-tree", tree, "-m", "Import").strip();
        m.craft(tree, "Merge the notes" + APPROVED, tip, root);
        assertThat(verify(start).diagnostics()).isEmpty();
    }

    // ---- 2. an old ancestor as a parent ----

    @Test
    void anOldAncestorAsFirstParentRollsNothingBack() throws Exception {
        repo.write(MISSION, "# Mission\n\nBuild the best optimizer, safely.\n");
        repo.git("add", "-A");
        repo.commit("Amend the mission" + APPROVED);
        repo.write("knowledge-base/alloys.md", "# Alloys\n\nAl 7075.\n")
                .write("shared/reports/weekly/2026-W09-report.md", "# Week 9\n");
        repo.git("add", "-A");
        String base = repo.commit("Knowledge and week 9");
        String tip = branchAppending("work", "2026-02-16 10:00");
        // the old mission, no alloys, no week 9, and the branch's log so the log looks extended
        repo.git("checkout", "-q", start);
        String tree = m.tree(r -> r.stage(LOG, repo.git("show", tip + ":" + LOG)));
        m.craft(tree, "Merge work", start, tip);
        GitChecks.Result r = verify(base);
        assertThat(errors(r))
                .contains(
                        MISSION + " immutable-path",
                        "knowledge-base/alloys.md no-delete",
                        "shared/reports/weekly/2026-W09-report.md write-once");
        assertThat(r.diagnostics())
                .filteredOn(d -> d.path().equals(MISSION))
                .first()
                .satisfies(d -> assertThat(d.message()).contains("outside the reviewed history"));
    }

    @Test
    void anOldAncestorAsSecondParentRollsNothingBackEither() throws Exception {
        repo.write(MISSION, "# Mission\n\nv2.\n");
        repo.git("add", "-A");
        String base = repo.commit("Amend" + APPROVED);
        String tip = branchAppending("work", "2026-02-16 10:00");
        repo.git("checkout", "-q", tip);
        String tree = m.tree(r -> r.stage(MISSION, "# Mission\n\nBuild the best optimizer.\n"));
        m.craft(tree, "Merge start", tip, start);
        assertThat(errors(verify(base))).contains(MISSION + " immutable-path");
    }

    // ---- 3. the contract comes from trusted history ----

    @Test
    void aParentWithoutAContractBringsNoDefaultContract() throws Exception {
        assumeTrue(Signers.available("ssh-keygen"), "ssh-keygen is not installed: SSH keys cannot be made");
        Signers.Signer ceo = Signers.ssh(tmp.resolve("keys"), "ceo");
        Signers.Signer agent = Signers.ssh(tmp.resolve("keys"), "agent");
        repo.stage(CONTRACT, SignedApprovalsTest.contract(ceo.publicKey(), null, "signed"));
        String base = ceo.commit(repo, "Signed approvals" + APPROVED);
        String tip = branchAppending("work", "2026-02-16 10:00");
        repo.git("checkout", "-q", tip);
        String tree = m.tree(r -> {
            r.stage(MISSION, "# Mission\n\nWhatever the optimizer says.\n");
            r.stage(CONTRACT, SignedApprovalsTest.contract(agent.publicKey(), null, "signed"));
            r.stage(LOG, BASE_LOG.replace(entry("2026-02-16 09:30", "manager", "Plan."), ""));
        });
        String root = repo.git(
                        "commit-tree",
                        repo.git("hash-object", "-t", "tree", "/dev/null").strip(),
                        "-m",
                        "R")
                .strip();
        m.craft(tree, "Merge" + APPROVED, root, tip);
        GitChecks.Result r = verify(base);
        assertThat(errors(r)).contains(" foreign-history", MISSION + " immutable-path", CONTRACT + " immutable-path");
        assertThat(errors(r)).anyMatch(e -> e.startsWith(LOG));
        assertThat(r.diagnostics())
                .filteredOn(d -> d.rule().equals("immutable-path"))
                .allSatisfy(d -> assertThat(d.message()).contains("'ceo'"));
    }

    @Test
    void theAuditorSummaryJudgesTheRangeAsVerifyDoes() throws Exception {
        assumeTrue(Signers.available("ssh-keygen"), "ssh-keygen is not installed: SSH keys cannot be made");
        Signers.Signer ceo = Signers.ssh(tmp.resolve("keys"), "ceo");
        repo.stage(CONTRACT, SignedApprovalsTest.contract(ceo.publicKey(), null, "signed"));
        String base = ceo.commit(repo, "Signed approvals" + APPROVED);
        String tip = branchAppending("work", "2026-02-16 10:00");
        repo.git("checkout", "-q", tip);
        String tree = m.tree(r -> r.stage(MISSION, "# Mission\n\nWhatever the optimizer says.\n"));
        String root = repo.git(
                        "commit-tree",
                        repo.git("hash-object", "-t", "tree", "/dev/null").strip(),
                        "-m",
                        "R")
                .strip();
        m.craft(tree, "Merge" + APPROVED, root, tip);
        String summary;
        try (GitRepo git = GitRepo.open(repo.dir())) {
            GitChecks.Result r = RangeVerification.of(git).base(base).call();
            summary = dev.atomizer.audit.AuditSummary.render(dev.atomizer.audit.Audit.of(git, base, "HEAD", r));
        }
        assertThat(summary)
                .contains("## ❌ Do not merge")
                .contains("is not in the reviewed history")
                .contains("**without approval**")
                .doesNotContain("approved by ceo (unsigned)");
    }

    @Test
    void aContractChangedWithoutApprovalGovernsNothingAfterIt() throws Exception {
        // the contract loosened (the mission no longer governed) without approval, then the mission edited
        repo.stage(
                CONTRACT,
                "# Contract\n\n## Governed paths\n\n| Path | Policy | Meaning |\n|---|---|---|\n"
                        + "| `nothing/**` | immutable | Nothing |\n");
        repo.commit("Loosen the contract");
        repo.commit(MISSION, "# Mission\n\nAnything.\n");
        GitChecks.Result r = verify(start);
        assertThat(errors(r)).contains(CONTRACT + " immutable-path", MISSION + " immutable-path");
    }

    @Test
    void anApprovedContractChangeGovernsTheCommitsAfterIt() throws Exception {
        // an approved new event type is used by the next entry
        String contract = new String(
                java.nio.file.Files.readAllBytes(Path.of("../sample-repo/shared/data-contracts/schemas.md")),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(contract).contains("| `milestone` |");
        repo.stage(CONTRACT, contract);
        String base = repo.commit("Contract" + APPROVED);
        repo.stage(
                CONTRACT, contract.replace("| `milestone` |", "| `release-shipped` | A release | |\n| `milestone` |"));
        repo.commit("New event type" + APPROVED);
        repo.commit(
                LOG,
                repo.read(LOG)
                        + entry("2026-02-16 10:00", "manager", "Shipped.").replace("milestone", "release-shipped"));
        assertThat(errors(verify(base))).isEmpty();
    }

    // ---- 4. an approval covers its signer's ancestors only ----

    @Test
    void aSignedApprovesCoversOnlyTheCommitsItsSignerSigned() throws Exception {
        assumeTrue(Signers.available("ssh-keygen"), "ssh-keygen is not installed: SSH keys cannot be made");
        Signers.Signer ceo = Signers.ssh(tmp.resolve("keys"), "ceo");
        repo.stage(CONTRACT, SignedApprovalsTest.contract(ceo.publicKey(), null, null));
        String base = ceo.commit(repo, "Keys" + APPROVED);
        repo.commit(MISSION, "# Mission\n\nv2, reviewed.\n");
        repo.git(
                "commit", "-q", "--amend", "--no-verify", "-m", "Mission v2\n\nChange-Request: CR-5\nApproved-by: ceo");
        String signed = ceo.commit(repo, "Approve CR-5\n\nApproves: CR-5");
        assertThat(errors(verify(base))).isEmpty();
        // a side branch from the base, backdated, reuses CR-5 for a change ceo never saw
        repo.git("checkout", "-q", "-b", "side", base);
        repo.date("2026-01-01T10:00:00Z");
        repo.stage("context-docs/01-rules.md", "# Rules\n\nNone.\n");
        String replay = repo.commit("Rules\n\nChange-Request: CR-5\nApproved-by: ceo");
        repo.date(null);
        repo.git("checkout", "-q", "main");
        repo.git("merge", "-q", "--no-ff", "--no-verify", "-m", "Merge side", "side");
        GitChecks.Result r = verify(base);
        assertThat(errors(r)).containsExactly("context-docs/01-rules.md immutable-path");
        assertThat(r.diagnostics())
                .filteredOn(d -> d.severity() == Severity.ERROR)
                .singleElement()
                .satisfies(d -> assertThat(d.message())
                        .startsWith(replay.substring(0, 10))
                        .contains("is not an ancestor of " + signed.substring(0, 10)));
    }

    // ---- the branch's own: a way to green ----

    @Test
    void aMalformedEntryCorrectedLaterInTheRangeIsShownAsFixed() throws Exception {
        String bad = repo.commit(
                LOG,
                BASE_LOG + entry("2026-02-16 10:00", "optimizer", "Side 1.").replace("completed", "done"));
        GitChecks.Result before = verify(start);
        assertThat(errors(before)).containsExactly(LOG + " status-invalid");
        String fix = repo.commit(LOG, BASE_LOG + entry("2026-02-16 10:00", "optimizer", "Side 1."));
        GitChecks.Result after = verify(start);
        assertThat(after.failed()).isFalse();
        assertThat(after.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.rule()).isEqualTo("status-invalid");
            assertThat(d.message())
                    .startsWith(bad.substring(0, 10))
                    .contains("fixed later in the range by " + fix.substring(0, 10));
        });
    }

    @Test
    void anEditOfTheBasesEntriesRestoredLaterIsFixedButOneLeftInPlaceFails() throws Exception {
        repo.commit(LOG, BASE_LOG.replace("Plan.", "A better plan.") + entry("2026-02-16 10:00", "optimizer", "X."));
        assertThat(errors(verify(start))).containsExactly(LOG + " append-only");
        repo.commit(LOG, BASE_LOG + entry("2026-02-16 10:00", "optimizer", "X."));
        assertThat(verify(start).failed()).isFalse();
    }

    @Test
    void aFoundationalFileChangedAndRestoredIsFixed() throws Exception {
        repo.commit(MISSION, "# Mission\n\nAnything.\n");
        repo.commit(MISSION, "# Mission\n\nBuild the best optimizer.\n");
        GitChecks.Result r = verify(start);
        assertThat(r.failed()).isFalse();
        assertThat(r.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("fixed later in the range"));
    }

    @Test
    void anUnapprovedEditApprovedLaterInTheRangeIsCovered() throws Exception {
        repo.commit(MISSION, "# Mission\n\nDraft.\n");
        repo.stage(MISSION, "# Mission\n\nFinal.\n");
        repo.commit("Mission, reviewed" + APPROVED);
        assertThat(verify(start).failed()).isFalse();
        // an unapproved change after the approved one is not covered
        repo.commit(MISSION, "# Mission\n\nFinal, and then some.\n");
        assertThat(errors(verify(start))).containsExactly(MISSION + " immutable-path");
    }

    @Test
    void anApprovedAmendmentOfTheBasesEntriesThenNewEntriesPasses() throws Exception {
        repo.stage(LOG, BASE_LOG.replace("Plan.", "The plan (corrected)."));
        repo.commit("Correct the plan" + APPROVED);
        repo.commit(LOG, repo.read(LOG) + entry("2026-02-16 10:00", "optimizer", "X."));
        assertThat(errors(verify(start))).isEmpty();
        // but an unapproved edit on top of it is not
        repo.commit(LOG, repo.read(LOG).replace("Kick-off.", "Kick-off!"));
        assertThat(errors(verify(start))).containsExactly(LOG + " append-only");
    }

    @Test
    void theHooksLetABranchCorrectItsOwnEntriesButNotTheMainLines() throws Exception {
        // a bare repository stands in for the server; the clone's origin/HEAD is its main
        Path server = tmp.resolve("server.git");
        repo.git("clone", "-q", "--bare", repo.dir().toString(), server.toString());
        repo.git("clone", "-q", server.toString(), tmp.resolve("clone").toString());
        GitFixture clone = repo.at(tmp.resolve("clone"));
        clone.git("checkout", "-q", "-b", "feature");
        String bad = BASE_LOG + entry("2026-02-16 10:00", "optimizer", "Mine.").replace("completed", "done");
        clone.commit(LOG, bad);
        // the hooks: correcting the branch's own entry needs no approval
        clone.stage(LOG, BASE_LOG + entry("2026-02-16 10:00", "optimizer", "Mine."));
        try (GitRepo git = GitRepo.open(clone.dir())) {
            assertThat(GitChecks.preCommit(git, Map.of(), DerivedFiles.NONE).diagnostics())
                    .isEmpty();
            assertThat(GitChecks.commitMsg(git, "Correct my entry", Map.of()).diagnostics())
                    .isEmpty();
        }
        clone.commit("Correct my entry");
        // and verify agrees: the range against the main line passes
        try (GitRepo git = GitRepo.open(clone.dir())) {
            GitChecks.Result r = RangeVerification.of(git).base("origin/main").call();
            assertThat(r.failed()).as(r.diagnostics().toString()).isFalse();
        }
        // an entry the main line has is still append-only: the commit message must approve the edit
        clone.stage(LOG, clone.read(LOG).replace("Kick-off.", "Kick-off, edited."));
        try (GitRepo git = GitRepo.open(clone.dir())) {
            assertThat(GitChecks.preCommit(git, Map.of(), DerivedFiles.NONE).diagnostics())
                    .isEmpty();
            assertThat(GitChecks.commitMsg(git, "Edit the kick-off", Map.of()).diagnostics())
                    .extracting(Diagnostic::rule)
                    .containsExactly("append-only");
        }
        // on main with no other line to compare with, every committed entry is the main line's
        repo.commit(LOG, BASE_LOG + entry("2026-02-16 10:00", "optimizer", "On main."));
        repo.stage(LOG, BASE_LOG + entry("2026-02-16 10:00", "optimizer", "On main, edited."));
        try (GitRepo git = GitRepo.open(repo.dir())) {
            GitChecks.preCommit(git, Map.of(), DerivedFiles.NONE);
            assertThat(GitChecks.commitMsg(git, "Edit", Map.of()).diagnostics())
                    .extracting(Diagnostic::rule)
                    .containsExactly("append-only");
        }
    }

    // ---- whose clock ----

    @Test
    void timestampFutureIsJudgedAgainstTheVerifiersClockNotTheCommitDate() throws Exception {
        repo.date("2038-01-01T10:00:00Z");
        String future = repo.commit(LOG, BASE_LOG + entry("2038-01-01 09:00", "optimizer", "From the future."));
        repo.date(null);
        GitChecks.Result r = verify(start, Instant.parse("2026-12-07T12:00:00Z"));
        assertThat(r.diagnostics())
                .filteredOn(d -> d.rule().equals("timestamp-future"))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.ERROR));
        assertThat(r.diagnostics().stream().map(Diagnostic::message).filter(s -> s.startsWith(future.substring(0, 10))))
                .isNotEmpty();
    }

    @Test
    void aCommitWithMoreParentsThanTheLimitIsRefusedInOneLine() throws Exception {
        String tree = repo.git("write-tree").strip();
        List<String> args = new java.util.ArrayList<>(List.of("commit-tree", tree, "-m", "Wide"));
        for (int i = 0; i <= RangeVerification.MAX_PARENTS; i++) {
            String p = repo.git("commit-tree", tree, "-p", start, "-m", "P" + i).strip();
            args.add("-p");
            args.add(p);
        }
        String wide = repo.git(args.toArray(String[]::new)).strip();
        repo.git("reset", "-q", "--hard", wide);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verify(start))
                .isInstanceOf(dev.atomizer.api.AtomizerException.class)
                .hasMessageContaining("has " + (RangeVerification.MAX_PARENTS + 1) + " parents")
                .hasMessageNotContaining("\n");
    }

    @Test
    void severityOverridesOfTheBuildDoNotReachTheRangeRules() throws Exception {
        String tip = branchAppending("work", "2026-02-16 10:00");
        String root = repo.git(
                        "commit-tree",
                        repo.git("hash-object", "-t", "tree", "/dev/null").strip(),
                        "-m",
                        "R")
                .strip();
        repo.git("checkout", "-q", tip);
        m.craft(repo.git("write-tree").strip(), "Merge", root, tip);
        try (GitRepo git = GitRepo.open(repo.dir())) {
            GitChecks.Result r = RangeVerification.of(git)
                    .base(start)
                    .overrides(Map.of("foreign-history", Severity.OFF))
                    .call();
            assertThat(errors(r)).contains(" foreign-history");
        }
    }
}
