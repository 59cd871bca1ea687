package dev.atomizer.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.ReportOutcome;
import dev.atomizer.derive.Derived;
import dev.atomizer.derive.Gates;
import dev.atomizer.derive.Kpis;
import dev.atomizer.derive.Sources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team that is not the sample's: a software team with its own event types, dashboard sections
 * and settings. Nothing it generates speaks of the sample's domain or people.
 */
class SoftwareTeamTest {

    static final String CONTRACT = """
            # Contract

            ## Event types

            | Type | Meaning | Required metrics |
            |------|---------|------------------|
            | `feature-started` | Work on a feature began | |
            | `pr-merged` | A pull request was merged | |
            | `release-shipped` | A release reached users | `version` |
            | `incident` | Production broke | |
            | `decision` | The CEO must choose | |
            | `handoff` | Work passed to another engineer | |
            | `doc-written` | A design note was written | |

            ## Agents

            | Agent | Role |
            |-------|------|
            | `manager` | Runs the team |
            | `eng-one` | Engineer |
            | `eng-two` | Engineer |

            ## Approvers

            | Approver | Role |
            |----------|------|
            | `cto` | Approves the contract |

            ## Dashboard sections

            | Section | Event types |
            |---------|-------------|
            | wins | `release-shipped`, `pr-merged` |
            | decisions | `decision` |
            | delegations | `handoff` |
            | completions | `pr-merged` |
            | errors | `incident` |
            | studies | |
            | milestones | `release-shipped` |
            | knowledge | `doc-written` |

            ## Settings

            | Setting | Value |
            |---------|-------|
            | Organisation | Acme Apps |
            | Time zone | Europe/Berlin |
            | Weekly report due | Friday 16:00 Europe/Berlin |
            | Weekly report cut-off | 2 hours |
            | K5 target | 24 hours |
            """;

    static final String STATUS = "# Status\n\n## Projects\n\n| Slug | Name | RAG | Status | Phase | Owner |\n"
            + "|---|---|---|---|---|---|\n| app | The app | Green | active | Beta | manager |\n";

    /** Words of the sample's domain (an engineering-simulation team) and its people. */
    static final Pattern SAMPLE_WORDS = Pattern.compile(
            "\\bFEA\\b|\\bNX\\b|Antoine|Mario|[Ss]tud(y|ies)|[Oo]ptimi[sz]|[Oo]bjective|[Ii]teration|[Mm]esh|Atomizer"
                    + "|solver|model registry|Model registry");

    @TempDir
    Path root;

    @BeforeEach
    void repository() throws Exception {
        new ReportFixture(root)
                .file("shared/data-contracts/schemas.md", CONTRACT)
                .file("shared/PROJECT_STATUS.md", STATUS)
                .entry(
                        "2026-11-02 09:00",
                        "manager",
                        "app",
                        "feature-started",
                        "in-progress",
                        "Sign-in with passkeys",
                        null)
                .entry(
                        "2026-11-02 10:00",
                        "manager",
                        "app",
                        "handoff",
                        "in-progress",
                        "Passkeys to eng-one",
                        "to=eng-one")
                .entry("2026-11-03 15:00", "eng-one", "app", "pr-merged", "completed", "Passkeys merged", null)
                .entry("2026-11-04 09:00", "eng-two", "app", "incident", "failed", "Login outage for 20 minutes", null)
                .entry(
                        "2026-11-04 11:00",
                        "eng-two",
                        "app",
                        "doc-written",
                        "completed",
                        "Postmortem of the outage",
                        null)
                .entry(
                        "2026-11-05 09:00",
                        "manager",
                        "app",
                        "decision",
                        "in-progress",
                        "Ship 2.0 on Friday or wait?",
                        "ref=dec-1")
                .entry(
                        "2026-11-06 12:00",
                        "eng-one",
                        "app",
                        "release-shipped",
                        "completed",
                        "Version 2.0 shipped",
                        "version=2.0")
                .entry("2026-11-09 09:00", "manager", "app", "feature-started", "in-progress", "Dark mode", null)
                .write();
    }

    @Test
    void nothingGeneratedSpeaksOfTheSamplesDomainAndTheTeamsOwnEventsCount() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        Sources s = Sources.read(Sources.workingTree(root), java.time.LocalDateTime.of(2026, 11, 6, 18, 0));
        for (Map.Entry<String, byte[]> f : Derived.generate(s).entrySet()) {
            out.put(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8));
        }
        ReportOutcome weekly = Reports.weekly(
                root, IsoWeek.parse("2026-W45", "w"), null, Instant.parse("2026-11-06T14:00:00Z"), false);
        out.put(weekly.path(), Files.readString(root.resolve(weekly.path())));
        out.put("status report", Reports.status(root, "app", null));
        StringBuilder gates = new StringBuilder();
        for (Gates g : Gates.of(s, Kpis.weeks(s, 8))) {
            gates.append(g.id()).append(' ').append(g.evidence()).append('\n');
        }
        out.put("gates", gates.toString());

        for (Map.Entry<String, String> f : out.entrySet()) {
            assertThat(SAMPLE_WORDS
                            .matcher(f.getValue())
                            .results()
                            .map(r -> r.group())
                            .toList())
                    .as(f.getKey())
                    .isEmpty();
        }
        String exec = out.get("shared/dashboards/exec-summary.md");
        // the team's own wins and decisions
        assertThat(exec)
                .contains("Version 2.0 shipped")
                .contains("Passkeys merged")
                .contains("dec-1");
        String technical = out.get("shared/dashboards/technical.md");
        assertThat(technical)
                .doesNotContain("## Active studies")
                .doesNotContain("## Study runs")
                .contains("## Knowledge base delta");
        String report = out.get(weekly.path());
        assertThat(report)
                .contains("# Acme Apps weekly report — 2026-W45")
                // Friday 16:00 Berlin less 2 hours: the period ends Friday 14:00 Berlin
                .contains("2026-10-30 14:00 to 2026-11-06 14:00")
                .contains("Version 2.0 shipped")
                .doesNotContain("Dark mode");
        assertThat(out.get("gates")).contains("an approver (ceo or cto)").contains("release-shipped");
        assertThat(out.get("shared/kpi/metrics.md"))
                .contains("(≤ 24 h)")
                .contains("Europe/Berlin")
                .contains("`incident`");
    }

    @Test
    void theWeekCanBeReportedFromItsCutOffNotBefore() throws Exception {
        IsoWeek w45 = IsoWeek.parse("2026-W45", "w");
        // 13:59 UTC is 14:59 in Berlin, after the cut-off at 14:00 Berlin (13:00 UTC); 12:59 UTC is before it
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Reports.weekly(root, w45, null, Instant.parse("2026-11-06T12:59:00Z"), false))
                .hasMessageContaining("week 2026-W45 is not over yet as of 2026-11-06 13:59 (now, Europe/Berlin)");
        assertThat(Reports.weekly(root, null, null, Instant.parse("2026-11-06T13:00:00Z"), false)
                        .path())
                .isEqualTo("shared/reports/weekly/2026-W45-report.md");
    }

    private static final class Files {
        static String readString(Path p) throws java.io.IOException {
            return java.nio.file.Files.readString(p);
        }
    }
}
