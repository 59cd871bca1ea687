import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates {@code shared/project_log.md} of the Atomizer sample repository.
 *
 * <pre>
 *   java tools/GenerateSampleLog.java > shared/project_log.md
 * </pre>
 *
 * <p>Deterministic by construction: a fixed random seed, no wall clock, {@link StrictMath} and
 * {@link Locale#ROOT} formatting, and a stable sort. Running it twice gives identical bytes.
 *
 * <p>The log tells five weeks (2026-02-16 .. 2026-03-20) of an 8-agent team's work on four
 * projects: a topology optimization of a structural bracket, a composite wing spar sizing, the
 * dashboard and reporting rollout itself (phases R0..R6, gates G1..G4) and the closeout of a pump
 * housing modal study. Entries are scripted per project, then merged in time order. Cross
 * references ({@code ref=dec-NNN}, {@code ref=task-NNN}) are numbered in order of first
 * appearance after the merge.
 */
public final class GenerateSampleLog {

    static final LocalDate DAY0 = LocalDate.of(2026, 2, 16); // Monday, first day of ISO week 2026-W08
    static final LocalDateTime END = at(32, 18, 30); // Friday 2026-03-20: nothing is logged after this
    static final Random RND = new Random(20260216L);
    static final List<Entry> LOG = new ArrayList<>();

    /** The NX / Nastran license server outage of Tuesday 2026-03-03: no solver runs in between. */
    static final LocalDateTime OUTAGE_FROM = at(15, 8, 10);
    static final LocalDateTime OUTAGE_TO = at(15, 14, 35);

    /** Logged iterations of study-bracket-02: {time, iteration, objective, convergence}. */
    static final List<Object[]> BRACKET_02 = new ArrayList<>();

    static final String BRACKET = "bracket-topopt";
    static final String SPAR = "wing-spar-sizing";
    static final String ROLLOUT = "dashboard-rollout";
    static final String PUMP = "pump-housing-modal";

    /** USD per 1,000 tokens, per agent (model tier differs per role). */
    static final Map<String, Double> RATE = Map.of(
            "manager", 0.009, "tech-lead", 0.012, "secretary", 0.003, "auditor", 0.008,
            "optimizer", 0.004, "study-builder", 0.006, "nx-expert", 0.006, "webster", 0.003);

    public static void main(String[] args) {
        pumpHousingCloseout();
        bracketTopologyOptimization(); // before the rollout: its dashboard validation quotes study-bracket-02 data
        dashboardRollout();
        wingSparSizing();
        routine();
        knowledgeBaseThisWeek(); // last: it draws from the random stream after everything else
        System.out.print(render());
    }

    /** The week of 2026-W12 adds to the knowledge base too (the technical dashboard's delta). */
    static void knowledgeBaseThisWeek() {
        add(at(31, 11, 5), "webster", SPAR, "task-completed", "completed",
                "KB entry added: CAI knockdown from supplier test data (0.71 measured vs 0.65 assumed), with the NDA scope")
                .m("kb", "cfrp-cai-knockdown");
        add(at(32, 10, 40), "nx-expert", BRACKET, "task-completed", "completed",
                "KB entry updated: LPBF support strategy for the AM bracket (lug overhangs, 45 deg rule, removal access)")
                .m("kb", "lpbf-design-rules");
    }

    // ---------------------------------------------------------------- model

    static final class Entry {
        final LocalDateTime at;
        final int seq;
        final String agent, project, type, status, summary;
        String detail, blockers;
        final List<String[]> metrics = new ArrayList<>();
        int tokens;

        Entry(LocalDateTime at, int seq, String agent, String project, String type, String status, String summary) {
            this.at = at;
            this.seq = seq;
            this.agent = agent;
            this.project = project;
            this.type = type;
            this.status = status;
            this.summary = summary;
        }

        Entry m(String key, Object value) {
            metrics.add(new String[] {key, String.valueOf(value)});
            return this;
        }

        Entry ref(String id) {
            return m("ref", id);
        }

        Entry detail(String... lines) {
            detail = String.join("\n", lines);
            return this;
        }

        Entry blockers(String... lines) {
            blockers = String.join("\n", lines);
            return this;
        }

        Entry tokens(int lo, int hi) {
            tokens = between(lo, hi);
            return this;
        }

        Entry noCost() {
            tokens = 0;
            return this;
        }
    }

    static LocalDateTime at(int day, int hour, int minute) {
        return DAY0.plusDays(day).atTime(hour, minute);
    }

    static int between(int lo, int hi) {
        return lo + RND.nextInt(hi - lo + 1);
    }

    static LocalDateTime plusMin(LocalDateTime t, int lo, int hi) {
        return t.plusMinutes(between(lo, hi));
    }

    static boolean weekday(int day) {
        return day % 7 < 5;
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    /** Adds an entry; anything after {@link #END} is built but not logged (the story continues off-page). */
    static Entry add(LocalDateTime t, String agent, String project, String type, String status, String summary) {
        Entry e = new Entry(t, LOG.size(), agent, project, type, status, summary);
        e.tokens = switch (type) {
            case "study-iteration" -> between(3000, 9000);
            case "study-start" -> between(15000, 40000);
            case "study-complete" -> between(20000, 50000);
            case "review-request" -> between(8000, 30000);
            case "decision-needed" -> between(5000, 18000);
            case "task-delegated" -> between(2000, 8000);
            case "task-completed" -> between(10000, 60000);
            case "error" -> between(2000, 9000);
            default -> between(3000, 9000);
        };
        if (!t.isAfter(END)) {
            LOG.add(e);
        }
        return e;
    }

    /** A delegation: task-delegated by {@code from}, then task-completed by {@code to} some minutes later. */
    static Entry delegate(LocalDateTime t, String from, String to, String project, String key, String ask,
            int minMinutes, int maxMinutes, String done) {
        String ref = "{task:" + key + "}";
        add(t, from, project, "task-delegated", "in-progress", "Delegated to " + to + ": " + ask).ref(ref).m("to", to);
        return add(plusMin(t, minMinutes, maxMinutes), to, project, "task-completed", "completed", done).ref(ref);
    }

    static LocalDateTime afterOutage(LocalDateTime t) {
        if (!t.isBefore(OUTAGE_FROM) && t.isBefore(OUTAGE_TO)) {
            return OUTAGE_TO.plusMinutes(between(3, 25));
        }
        return t;
    }

    // ---------------------------------------------------------------- studies

    static final class Study {
        final String ref, project, kind;
        final double start, target, tau;
        final int minGap, maxGap;
        int iter;
        double objective, conv, stress, buckling, deflection, overhang;
        boolean ok;
        LocalDateTime t;

        Study(String ref, String project, String kind, double start, double target, double tau, int minGap, int maxGap,
                LocalDateTime t) {
            this.ref = ref;
            this.project = project;
            this.kind = kind;
            this.start = start;
            this.target = target;
            this.tau = tau;
            this.minGap = minGap;
            this.maxGap = maxGap;
            this.objective = start;
            this.t = t;
        }
    }

    /** Runs iterations until {@code upTo} (inclusive) or until the end of the sample. */
    static void iterate(Study s, int upTo) {
        while (s.iter < upTo) {
            LocalDateTime next = afterOutage(plusMin(s.t, s.minGap, s.maxGap));
            if (next.isAfter(END)) {
                return;
            }
            s.t = next;
            s.iter++;
            double raw = s.target + (s.start - s.target) * StrictMath.exp(-s.iter / s.tau) * (1 + 0.03 * RND.nextGaussian());
            double obj = round3(raw);
            if (obj > s.objective - 0.001) {
                obj = round3(s.objective - 0.001); // report the best design: never worse than the last one
            }
            s.objective = obj;
            s.conv = Math.max(0, Math.min(99.9, 100 * (s.start - obj) / (s.start - s.target)));
            emitIteration(s);
        }
    }

    static void emitIteration(Study s) {
        double c = s.conv / 100;
        double gain = 100 * (s.start - s.objective) / s.start;
        String summary;
        Entry e;
        switch (s.kind) {
            case "bracket-01" -> {
                s.stress = 240 + 115 * c + 3 * RND.nextGaussian();
                s.ok = s.stress <= 335;
                summary = String.format(Locale.ROOT, "%s iter %d: mass %s kg (-%s%%), max stress %d MPa vs 335 allowable, %s",
                        s.ref, s.iter, f3(s.objective), f1(gain), Math.round(s.stress),
                        s.ok ? "all constraints met" : "LC3 stress over allowable");
            }
            case "bracket-02" -> {
                s.stress = s.iter <= 20 ? 335 * (0.93 + 0.10 * c) + 7 * RND.nextGaussian()
                        : Math.min(334, 316 + 15 * c + 2 * RND.nextGaussian());
                s.ok = s.stress <= 335;
                summary = String.format(Locale.ROOT, "%s iter %d: mass %s kg (-%s%%), p-norm max stress %d MPa vs 335 allowable, %s",
                        s.ref, s.iter, f3(s.objective), f1(gain), Math.round(s.stress),
                        s.ok ? "feasible" : "stress constraint active, infeasible");
            }
            case "bracket-03" -> {
                s.stress = 108 + 42 * c + 2 * RND.nextGaussian();
                s.overhang = Math.max(0.4, 19.0 * (1 - c) * (1 + 0.05 * RND.nextGaussian()));
                s.ok = s.stress <= 153 && s.overhang <= 2.5;
                summary = String.format(Locale.ROOT, "%s iter %d: mass %s kg (-%s%%), max stress %d/153 MPa, overhang below 45 deg %s%% of downskin",
                        s.ref, s.iter, f3(s.objective), f1(gain), Math.round(s.stress), f1(s.overhang));
            }
            default -> { // spar studies
                double base = s.kind.equals("spar-01") ? 2.45 : 2.53;
                double slope = s.kind.equals("spar-01") ? 0.94 : 1.03;
                s.buckling = base - slope * c + 0.015 * RND.nextGaussian();
                s.deflection = 92 + 24 * c + RND.nextGaussian();
                s.ok = s.buckling >= 1.5 && s.deflection <= 120;
                summary = String.format(Locale.ROOT, "%s iter %d: spar mass %s kg (-%s%%), buckling factor %s, tip deflection %d mm",
                        s.ref, s.iter, f3(s.objective), f1(gain), f2(s.buckling), Math.round(s.deflection));
            }
        }
        e = add(s.t, "optimizer", s.project, "study-iteration", "completed", summary)
                .ref(s.ref).m("iteration", s.iter).m("objective", f3(s.objective)).m("constraint_ok", s.ok)
                .m("convergence", f1(s.conv));
        if (s.kind.equals("bracket-02")) {
            BRACKET_02.add(new Object[] {s.t, s.iter, s.objective, s.conv});
        }
        if (s.kind.startsWith("bracket")) {
            e.m("max_stress_mpa", Math.round(s.stress));
        } else {
            e.m("buckling_factor", f2(s.buckling));
        }
        if (s.iter % 6 == 0) {
            iterationDetail(s, e);
        }
    }

    static void iterationDetail(Study s, Entry e) {
        if (s.kind.startsWith("bracket")) {
            double lc3 = s.stress;
            double lc1 = lc3 * (0.70 + 0.05 * RND.nextDouble());
            double lc2 = lc3 * (0.58 + 0.05 * RND.nextDouble());
            e.detail("Load case breakdown at this iteration:",
                    "",
                    "- LC1 (hover, 1.0g + actuator stall torque): " + Math.round(lc1) + " MPa",
                    "- LC2 (bolt preload + thermal, 80 C): " + Math.round(lc2) + " MPa",
                    "- LC3 (crash pulse, 9g forward): " + Math.round(lc3) + " MPa",
                    "",
                    String.format(Locale.ROOT, "Volume fraction %s, move limit 0.1, penalization p=3. Grey elements: %s%%. %s",
                            f2(s.objective / s.start * 0.92), f1(Math.max(1.2, 14.0 * (1 - s.conv / 100))),
                            s.ok ? "All load cases feasible; the mass trend is still " + (s.conv < 80 ? "steep." : "flattening.")
                                    : "LC3 governs; the lug radius is the critical region."));
        } else {
            e.detail("Ply thickness snapshot (mm) at this iteration:",
                    "",
                    String.format(Locale.ROOT, "- upper cap root/mid/tip: %s / %s / %s",
                            f2(6.2 - 1.1 * s.conv / 100), f2(4.4 - 0.8 * s.conv / 100), f2(2.1 - 0.3 * s.conv / 100)),
                    String.format(Locale.ROOT, "- lower cap root/mid/tip: %s / %s / %s",
                            f2(5.9 - 1.0 * s.conv / 100), f2(4.1 - 0.7 * s.conv / 100), f2(1.9 - 0.2 * s.conv / 100)),
                    String.format(Locale.ROOT, "- web (+-45): %s", f2(2.4 - 0.5 * s.conv / 100)),
                    "",
                    String.format(Locale.ROOT, "Critical buckling mode: %s. Gradients by adjoint, 14 s per sensitivity run.",
                            s.buckling < 1.7 ? "web shear between ribs 3 and 4" : "upper cap compression, bay 2"));
        }
    }

    // ---------------------------------------------------------------- pump-housing-modal (closing)

    static void pumpHousingCloseout() {
        add(at(0, 7, 48), "optimizer", PUMP, "study-complete", "completed",
                "study-pump-03 converged after 41 iterations: first mode 412.6 Hz (target >= 400 Hz), housing mass -6.8%")
                .ref("study-pump-03").m("iterations", 41).m("objective", "8.214").m("constraint_ok", true).m("convergence", "100.0")
                .detail("Final design keeps the 4 mm wall and adds two axial ribs on the motor side. Modal results, bolted boundary:",
                        "",
                        "- mode 1: 412.6 Hz (bending, discharge flange)",
                        "- mode 2: 455.1 Hz (torsion)",
                        "- mode 3: 603.8 Hz (breathing, volute)",
                        "",
                        "Mass 8.214 kg against the 8.813 kg baseline. Results package is in studies/pump-03/results/.");
        add(at(0, 8, 20), "optimizer", PUMP, "review-request", "in-progress",
                "study-pump-03 results package ready for audit: mode table, 14 plots, mode shapes, mesh report")
                .ref("{task:pump-audit}").m("to", "auditor");
        delegate(at(0, 9, 5), "manager", "nx-expert", PUMP, "pump-archive",
                "archive the pump housing NX models with a validation stamp", 200, 400,
                "Pump housing NX models archived as models/archive/pump-housing-v3 with validation stamp and mesh stats");
        add(at(0, 9, 12), "manager", PUMP, "task-delegated", "in-progress",
                "Delegated to secretary: draft the pump-housing-modal closeout report from the log and the study-pump-03 package")
                .ref("{task:pump-closeout}").m("to", "secretary");
        add(at(1, 10, 40), "auditor", PUMP, "task-completed", "completed",
                "Audit of study-pump-03 passed with 2 minor remarks (mesh note missing, units on plot 7)")
                .ref("{task:pump-audit}").m("remarks", 2)
                .detail("Reproduced modes 1-3 from the archived deck within 0.3%. Remarks, neither blocking:",
                        "",
                        "- the mesh report does not state the element order used near the flange bolts;",
                        "- plot 7 labels displacement in m where the data is in mm.",
                        "",
                        "Both fixed by the Optimizer in the package; no re-run needed.");
        add(at(2, 11, 20), "secretary", PUMP, "review-request", "in-progress",
                "pump-housing-modal closeout report draft ready for Manager review (decision trail, results, lessons learned)")
                .ref("{task:pump-closeout}");
        add(at(2, 16, 0), "manager", PUMP, "decision-needed", "in-progress",
                "Antoine: approve closing pump-housing-modal (closeout draft attached, all studies audited)")
                .ref("{dec:pump-close}");
        add(at(3, 9, 15), "webster", PUMP, "task-completed", "completed",
                "KB entry added: modal targets for pump housings and rib placement heuristics (knowledge-base/modal-rib-heuristics.md)")
                .m("kb", "modal-rib-heuristics");
        add(at(3, 17, 45), "manager", PUMP, "decision-needed", "completed",
                "Antoine approved the pump-housing-modal closeout; project moves to Closed")
                .ref("{dec:pump-close}");
        add(at(4, 9, 30), "secretary", PUMP, "task-completed", "completed",
                "pump-housing-modal closeout report finalized: 3 studies, 118 iterations, 4 decisions, 2 KB entries")
                .ref("{task:pump-closeout}");
        add(at(4, 10, 0), "manager", PUMP, "milestone", "completed",
                "pump-housing-modal closed: final design delivered (first mode 412.6 Hz, -6.8% mass), closeout report approved")
                .m("gate", "closeout").m("closeout", "true").noCost();
    }

    // ---------------------------------------------------------------- dashboard-rollout (R0..R6)

    static void dashboardRollout() {
        // R0: schema
        add(at(0, 7, 5), "manager", ROLLOUT, "milestone", "completed",
                "Dashboard & reporting master plan approved by Antoine; rollout phase R0 (Schema) starts")
                .m("phase", "R0").noCost();
        delegate(at(0, 7, 30), "manager", "secretary", ROLLOUT, "tmpl",
                "create reports/templates/weekly-template.md from master plan section 4A", 300, 420,
                "Weekly report template committed: Highlights, Projects, KPIs, Agent Performance, Decisions Log");
        delegate(at(0, 8, 10), "manager", "tech-lead", ROLLOUT, "evt-review",
                "review the event-type list: are study-iteration metrics enough for the technical dashboard?", 1500, 1560,
                "Event types OK; proposed required metrics iteration + objective for study-iteration and a ref= convention")
                .detail("The technical dashboard needs, per study: iteration count, best objective, convergence and constraint state.",
                        "Making `iteration` and `objective` required for study-iteration lets the linter catch the entries the dashboard",
                        "would otherwise silently drop. Everything else stays optional.",
                        "",
                        "Entries about the same study, decision or task should carry `ref=<id>` so the latest one gives the state.");
        add(at(0, 16, 40), "manager", ROLLOUT, "review-request", "in-progress",
                "schemas.md draft and the shared/ directory structure ready for review")
                .detail("Draft contract is in shared/data-contracts/schemas.md. Every agent appends entries of this shape:",
                        "",
                        "```text",
                        "## [2026-01-01 00:00] fake | heading | here",
                        "",
                        "Status, Summary, Detail, Metrics, Blockers: one field per line, in that order",
                        "",
                        "---",
                        "```",
                        "",
                        "Open points: required metrics per event type, and whether Mario is listed as an approver.");
        add(at(0, 17, 5), "manager", ROLLOUT, "decision-needed", "in-progress",
                "Antoine: approve data contracts and directory structure to pass gate G1")
                .ref("{dec:g1}");
        add(at(1, 18, 40), "manager", ROLLOUT, "decision-needed", "completed",
                "Antoine approved schemas.md and the shared/ layout; Mario added as approver for infra changes")
                .ref("{dec:g1}");
        add(at(2, 8, 0), "manager", ROLLOUT, "milestone", "completed",
                "Gate G1 (Schema Approved) passed: data contracts and directory structure signed off by Antoine")
                .m("gate", "G1").noCost();
        add(at(2, 8, 5), "manager", ROLLOUT, "milestone", "completed",
                "R0 Schema complete; R1 Logging starts: all agents write structured entries from now on")
                .m("gate", "R0");

        // R1: logging, audited daily
        add(at(2, 8, 20), "manager", ROLLOUT, "task-delegated", "in-progress",
                "Delegated to auditor: daily log-compliance spot checks during R1, report % of entries matching the schema")
                .ref("{task:r1-audit}").m("to", "auditor");
        add(at(3, 17, 10), "auditor", ROLLOUT, "review-request", "in-progress",
                "R1 spot check 1: 88.6% of entries passed the hook on first try (31/35); webster omits Metrics, nx-expert headings double-spaced")
                .ref("{task:r1-audit}").m("compliance_pct", "88.6");
        add(at(4, 17, 5), "auditor", ROLLOUT, "review-request", "in-progress",
                "R1 spot check 2: 91.2% first-try pass rate (31/34); secretary fixed, webster and nx-expert still rejected by the hook")
                .ref("{task:r1-audit}").m("compliance_pct", "91.2");
        add(at(7, 9, 20), "auditor", ROLLOUT, "review-request", "in-progress",
                "R1 48h window check: 93.1% first-try pass rate (27/29), below the 95% threshold of gate G2")
                .ref("{task:r1-audit}").m("compliance_pct", "93.1")
                .detail("Both rejected entries had the same defects. One of them, as first submitted:",
                        "",
                        "```text",
                        "## [2026-01-01 00:00] fake | heading | here",
                        "Status: done",
                        "---",
                        "```",
                        "",
                        "No blank line after the heading, a status outside the enumeration, and no blank line before the",
                        "closing `---` (CommonMark then reads the line above as a setext heading). Both came from webster;",
                        "the heading spacing issue of nx-expert is still open.");
        delegate(at(7, 9, 45), "manager", "webster", ROLLOUT, "fix-webster",
                "fix the entry template (blank lines around fields and separator, Metrics always present)", 180, 240,
                "Entry template fixed; last 10 entries re-validated locally with atomizer lint, all clean");
        delegate(at(7, 9, 50), "manager", "nx-expert", ROLLOUT, "fix-nx",
                "fix heading spacing in your log writer (single spaces around the | separators)", 300, 360,
                "Log writer fixed: headings built from a single format string, no more double spaces");
        add(at(8, 17, 0), "auditor", ROLLOUT, "review-request", "in-progress",
                "R1 spot check 3: 96.8% first-try pass rate over the last 24h (30/31), all agents within tolerance")
                .ref("{task:r1-audit}").m("compliance_pct", "96.8");
        add(at(9, 16, 30), "auditor", ROLLOUT, "task-completed", "completed",
                "R1 audit closed: 48h window 97.4% first-try pass rate (38/39), clean entries from all 8 agents")
                .ref("{task:r1-audit}").m("compliance_pct", "97.4");
        add(at(9, 16, 45), "auditor", ROLLOUT, "milestone", "completed",
                "Gate G2 (Logging Stable) passed: 48h of compliant logs from all agents, 97.4% schema compliance")
                .m("gate", "G2");
        add(at(9, 17, 0), "manager", ROLLOUT, "milestone", "completed",
                "R1 Logging complete; R2 Exec Dashboard starts")
                .m("gate", "R1").noCost();

        // R2: exec dashboard
        delegate(at(10, 9, 0), "manager", "secretary", ROLLOUT, "exec-layout",
                "draft the exec-summary layout (RAG, decisions, burn, wins, top risks) within 30 lines", 330, 420,
                "exec-summary layout drafted: 5 sections, 26 lines with today's data, one line per project");
        add(at(11, 10, 30), "manager", ROLLOUT, "review-request", "in-progress",
                "exec-summary.md v1 generated from the log and PROJECT_STATUS.md (27 lines)");
        add(at(11, 10, 40), "manager", ROLLOUT, "decision-needed", "in-progress",
                "Antoine: confirm the exec dashboard matches your understanding of project state (gate G3)")
                .ref("{dec:g3}");
        add(at(12, 9, 15), "manager", ROLLOUT, "decision-needed", "blocked",
                "G3 on hold: Antoine sees bracket-topopt as Amber, exec-summary v1 showed it Green")
                .ref("{dec:g3}")
                .detail("v1 derived RAG from the latest study-complete status only. study-bracket-01 completed, so the project",
                        "looked Green even though its result was infeasible (LC3 over-stress) and a rerun was decided.",
                        "",
                        "Fix: take RAG from PROJECT_STATUS.md (Manager-owned) and list infeasible study results under risks.")
                .blockers("Manager must fix the RAG source in the exec-summary generator; Antoine to re-review v2");
        add(at(14, 9, 10), "manager", ROLLOUT, "review-request", "in-progress",
                "exec-summary.md v2: RAG read from PROJECT_STATUS.md, infeasible study results listed under top risks");
        add(at(15, 18, 20), "manager", ROLLOUT, "decision-needed", "completed",
                "Antoine confirmed exec-summary v2 matches his view of all projects")
                .ref("{dec:g3}");
        add(at(16, 8, 0), "manager", ROLLOUT, "milestone", "completed",
                "Gate G3 (Exec Dashboard Valid) passed: Antoine confirmed the dashboard matches project state")
                .m("gate", "G3").noCost();
        add(at(16, 8, 5), "manager", ROLLOUT, "milestone", "completed",
                "R2 Exec Dashboard live: exec-summary.md regenerated on every PROJECT_STATUS.md change")
                .m("gate", "R2");

        // R3: technical + operations dashboards
        add(at(16, 9, 0), "manager", ROLLOUT, "task-delegated", "in-progress",
                "Delegated to tech-lead: validate technical.md (active studies, FEA queue, curves) against raw study data")
                .ref("{task:tech-validate}").m("to", "tech-lead");
        add(at(16, 9, 10), "manager", ROLLOUT, "decision-needed", "in-progress",
                "Antoine: set the monthly token budget per agent for the operations dashboard (proposal 7M tokens total)")
                .ref("{dec:budget}");
        LocalDateTime validation = at(17, 14, 20);
        Object[] shown = null, actual = null; // the dashboard lagged one iteration behind the log
        for (Object[] it : BRACKET_02) {
            if (((LocalDateTime) it[0]).isBefore(validation)) {
                shown = actual;
                actual = it;
            }
        }
        add(validation, "tech-lead", ROLLOUT, "error", "failed",
                "technical.md validation failed: Active Studies lags one iteration behind the log; restarted runs counted twice in the FEA queue")
                .ref("{task:tech-validate}")
                .detail("Excerpt of the generated file next to the raw data:",
                        "",
                        "```text",
                        "## Active Studies",
                        "| Study            | Iter | Best objective | Convergence |",
                        String.format(Locale.ROOT, "| study-bracket-02 | %4d | %14s | %11s |", shown[1], f3((double) shown[2]), f1((double) shown[3])),
                        "---",
                        String.format(Locale.ROOT, "log: iteration %d, objective %s, convergence %s",
                                actual[1], f3((double) actual[2]), f1((double) actual[3])),
                        "```",
                        "",
                        "The generator reads the FEA queue snapshot before parsing the log, so the table shows the previous",
                        "iteration. The queue also lists the runs restarted after the license outage twice.");
        add(at(18, 11, 0), "manager", ROLLOUT, "task-completed", "completed",
                "technical.md generator fixed: log parsed before the queue snapshot, restarted runs counted once");
        add(at(18, 17, 40), "manager", ROLLOUT, "decision-needed", "completed",
                "Antoine set the token budget: 6M tokens/month in total, optimizer 2M, manager 1.2M, others 0.3-0.6M each")
                .ref("{dec:budget}");
        add(at(21, 10, 15), "tech-lead", ROLLOUT, "task-completed", "completed",
                "technical.md validated against study-bracket-02 and study-spar-02 raw data: all columns match")
                .ref("{task:tech-validate}");
        add(at(21, 15, 0), "manager", ROLLOUT, "review-request", "in-progress",
                "operations.md live for Mario: agent health, throughput, queue depth, token budget vs use, alerts");
        add(at(22, 9, 0), "manager", ROLLOUT, "milestone", "completed",
                "R3 Tech + Ops dashboards live; Tech Lead validated technical.md, Mario signed off operations.md")
                .m("gate", "R3");

        // R4: weekly reports
        add(at(18, 16, 0), "manager", ROLLOUT, "task-delegated", "in-progress",
                "Delegated to secretary: generate weekly report 2026-W10 from the template")
                .ref("{task:w10}").m("to", "secretary");
        add(at(18, 17, 20), "secretary", ROLLOUT, "review-request", "in-progress",
                "Weekly report 2026-W10 ready for Antoine's review (shared/reports/weekly/2026-W10-report.md)")
                .ref("{task:w10}").m("generation", "report");
        add(at(21, 8, 45), "secretary", ROLLOUT, "task-completed", "completed",
                "Antoine reviewed 2026-W10: asked for cost per study in the KPI table; template updated")
                .ref("{task:w10}");
        add(at(25, 16, 0), "manager", ROLLOUT, "task-delegated", "in-progress",
                "Delegated to secretary: generate weekly report 2026-W11 from the template")
                .ref("{task:w11}").m("to", "secretary");
        add(at(25, 17, 10), "secretary", ROLLOUT, "review-request", "in-progress",
                "Weekly report 2026-W11 ready for Antoine's review (shared/reports/weekly/2026-W11-report.md)")
                .ref("{task:w11}").m("generation", "report");
        add(at(28, 8, 30), "secretary", ROLLOUT, "task-completed", "completed",
                "Antoine reviewed 2026-W11 without changes")
                .ref("{task:w11}");
        add(at(28, 9, 0), "manager", ROLLOUT, "milestone", "completed",
                "R4 Weekly Reports done: first two weekly reports (W10, W11) reviewed by Antoine")
                .m("gate", "R4");
        add(at(29, 10, 0), "manager", ROLLOUT, "milestone", "completed",
                "Gate G4 (Full Dashboards Live) passed: all 3 dashboards updated correctly for 7 days")
                .m("gate", "G4").noCost();

        // R5: KPI tracking
        delegate(at(28, 9, 20), "manager", "auditor", ROLLOUT, "kpi-formulas",
                "cross-check the K1-K8 formulas against master plan section 8 before kpi/metrics.md goes live", 1500, 1800,
                "K1-K8 formulas checked: K6 (status accuracy) cannot be computed from the log, kept as a manual monthly check");
        add(at(30, 10, 5), "manager", ROLLOUT, "error", "failed",
                "kpi/metrics.md generation failed: K1 and K3 need git history and .git is not mounted in the manager container")
                .detail("Output of the KPI run:",
                        "",
                        "```text",
                        "kpi: computing K1 (dashboard freshness) from git log of shared/dashboards/",
                        "fatal: not a git repository (or any of the parent directories): .git",
                        "kpi: K3 (weekly report delivery) skipped: no commit history",
                        "```",
                        "",
                        "K2, K4, K5, K7 and K8 come from the log alone and were computed.");
        add(at(30, 10, 30), "manager", ROLLOUT, "task-delegated", "blocked",
                "Asked Mario to mount the repository .git read-only into the manager container; R5 blocked until then")
                .ref("{task:git-mount}").m("to", "mario")
                .blockers("Mario (infra) must add the read-only .git volume to the manager container and restart the agent");
        add(at(31, 9, 40), "manager", ROLLOUT, "task-completed", "completed",
                "Mario mounted .git read-only; kpi/metrics.md now computes K1-K5, K7, K8 (K6 stays manual)")
                .ref("{task:git-mount}");
        add(at(31, 10, 0), "manager", ROLLOUT, "review-request", "in-progress",
                "First rolling KPI table in kpi/metrics.md: K2 97.9%, K5 oldest open decision 167h (target <= 48h, PDF branding)")
                .m("k2_pct", "97.9").m("k5_hours", 167);

        // R6: PDF reports, waiting on a decision
        add(at(24, 11, 0), "secretary", ROLLOUT, "decision-needed", "blocked",
                "Antoine: client PDF branding for atomaste-reports (Atomaste letterhead or neutral) before R6 can start")
                .ref("{dec:pdf-brand}")
                .blockers("Antoine's choice of branding; R6 PDF reports cannot start without it");
        add(at(28, 9, 40), "manager", ROLLOUT, "decision-needed", "blocked",
                "Reminder: PDF branding decision open 4 days (K5 target 48h); R6 start slipping to W13")
                .ref("{dec:pdf-brand}")
                .blockers("Antoine's choice of branding (letterhead or neutral); Secretary has both mock-ups ready");

        // W12 report, last day
        add(at(32, 16, 0), "manager", ROLLOUT, "task-delegated", "in-progress",
                "Delegated to secretary: generate weekly report 2026-W12 from the template")
                .ref("{task:w12}").m("to", "secretary");
        add(at(32, 17, 15), "secretary", ROLLOUT, "review-request", "in-progress",
                "Weekly report 2026-W12 ready for Antoine's review (shared/reports/weekly/2026-W12-report.md)")
                .ref("{task:w12}").m("generation", "report");
    }

    // ---------------------------------------------------------------- bracket-topopt

    static void bracketTopologyOptimization() {
        add(at(0, 9, 30), "manager", BRACKET, "task-delegated", "in-progress",
                "Delegated to study-builder: set up study-bracket-01 (actuator bracket design space, 3 load cases, stress + displacement)")
                .ref("{task:b1-setup}").m("to", "study-builder");
        delegate(at(0, 10, 5), "study-builder", "nx-expert", BRACKET, "b1-mesh",
                "build the NX design-space model of the actuator bracket with a 2 mm CTETRA10 mesh", 1480, 1520,
                "Design-space model and mesh ready: 412,880 CTETRA10 elements at 2 mm, 3 load cases, bolt RBE2s checked")
                .m("elements", 412880);
        delegate(at(0, 10, 15), "study-builder", "webster", BRACKET, "b1-mat",
                "collect Al 7075-T6 allowables (yield, UTS, fatigue) with sources", 300, 360,
                "Al 7075-T6: yield 503 MPa, UTS 572 MPa, fatigue 159 MPa at 5e8 cycles; sources in knowledge-base/");
        add(at(1, 16, 30), "study-builder", BRACKET, "review-request", "in-progress",
                "study-bracket-01 setup ready for Tech Lead review: SIMP, volume fraction 0.35, stress <= 335 MPa (SF 1.5)")
                .ref("{task:b1-review}").m("to", "tech-lead");
        add(at(2, 9, 40), "tech-lead", BRACKET, "task-completed", "completed",
                "study-bracket-01 setup approved with one change: minimum member size 6 mm to keep the part machinable")
                .ref("{task:b1-review}");
        add(at(2, 9, 55), "study-builder", BRACKET, "task-completed", "completed",
                "study-bracket-01 configured (min member 6 mm) and handed to the Optimizer")
                .ref("{task:b1-setup}");

        Study b1 = new Study("study-bracket-01", BRACKET, "bracket-01", 4.184, 2.878, 14, 75, 110, at(2, 10, 30));
        add(b1.t, "optimizer", BRACKET, "study-start", "in-progress",
                "study-bracket-01 launched: SIMP topology optimization, minimize mass s.t. stress and displacement, 60 iterations max")
                .ref(b1.ref).m("max_iter", 60)
                .detail("Setup: 412,880 CTETRA10 elements, Al 7075-T6, stress limit 335 MPa per element, tip displacement",
                        "at the actuator pin <= 0.5 mm, minimum member size 6 mm, volume fraction start 1.0. One NX solve per",
                        "iteration (3 load cases in one run), about 80 minutes on 16 cores.");
        iterate(b1, 11);
        LocalDateTime diverged = plusMin(b1.t, 70, 95);
        add(diverged, "nx-expert", BRACKET, "error", "failed",
                "Nastran SOL 101 diverged at study-bracket-01 iteration 12: singular stiffness in the fillet region")
                .ref(b1.ref)
                .detail("Solver output (f06):",
                        "",
                        "```text",
                        "*** USER FATAL MESSAGE 9050 (SEKRRS)",
                        "     RUN TERMINATED DUE TO EXCESSIVE PIVOT RATIOS IN MATRIX KLL.",
                        " GRID     POINT-ID   DEGREE OF FREEDOM   MATRIX/FACTOR DIAGONAL RATIO",
                        "          184211            T3                 -2.41E+09",
                        "```",
                        "",
                        "Grid 184211 sits on a fillet where void elements (density 1e-3) isolated a sliver of solid ones.");
        add(diverged.plusMinutes(8), "optimizer", BRACKET, "task-delegated", "blocked",
                "study-bracket-01 paused at iteration 12; asked NX Expert to repair the fillet mesh")
                .ref("{task:b1-remesh}").m("to", "nx-expert")
                .blockers("NX Expert must remesh the fillet region (min Jacobian 0.18); Tech Lead to confirm the move limit");
        LocalDateTime fixed = at(3, 12, 50);
        add(fixed, "nx-expert", BRACKET, "task-completed", "completed",
                "Fillet region remeshed (1 mm local, min Jacobian 0.61); iteration 12 re-solved cleanly")
                .ref("{task:b1-remesh}");
        b1.t = fixed.plusMinutes(15);
        iterate(b1, 48);
        LocalDateTime done = plusMin(b1.t, 20, 40);
        add(done, "optimizer", BRACKET, "study-complete", "completed",
                String.format(Locale.ROOT, "study-bracket-01 terminated at iteration 48: mass %s kg but max stress %d MPa in LC3 exceeds 335 MPa",
                        f3(b1.objective), Math.round(b1.stress)))
                .ref(b1.ref).m("iterations", b1.iter).m("objective", f3(b1.objective)).m("constraint_ok", b1.ok)
                .m("convergence", f1(b1.conv))
                .detail("The design converged on mass but the stress constraint, imposed per element, stopped being active",
                        "once the crash load path thinned out. LC3 peak sits at the upper lug radius.",
                        "",
                        "Options for the Tech Lead: accept with shot peening, or rerun with an aggregated (p-norm) stress",
                        "constraint and a finer mesh around the lug.");

        add(at(7, 9, 10), "tech-lead", BRACKET, "decision-needed", "in-progress",
                "Antoine: accept 5% LC3 over-stress with shot peening, or rerun with an aggregated stress constraint (+4 days)?")
                .ref("{dec:b1-accept}")
                .detail("Recommendation: rerun. Shot peening helps fatigue, not the static crash case, and the customer spec",
                        "has no margin policy for it. The rerun reuses the design space; only the mesh near the lug changes.");
        add(at(8, 8, 20), "tech-lead", BRACKET, "decision-needed", "completed",
                "Antoine chose the rerun: study-bracket-02 with a p-norm stress constraint and a 1.5 mm mesh")
                .ref("{dec:b1-accept}");
        add(at(8, 8, 40), "tech-lead", BRACKET, "task-delegated", "in-progress",
                "Delegated to study-builder: set up study-bracket-02 (p-norm stress p=8, 1.5 mm mesh, LC3 hot spot refined)")
                .ref("{task:b2-setup}").m("to", "study-builder");
        delegate(at(8, 10, 0), "study-builder", "nx-expert", BRACKET, "b2-mesh",
                "remesh the bracket design space at 1.5 mm with 0.75 mm at the upper lug", 1640, 1700,
                "1.5 mm mesh ready: 968,214 elements, upper lug refined to 0.75 mm, element quality report attached")
                .m("elements", 968214);
        add(at(9, 17, 10), "study-builder", BRACKET, "task-completed", "completed",
                "study-bracket-02 configured: p-norm stress (p=8), 3 load cases, min member 6 mm, 70 iterations max")
                .ref("{task:b2-setup}");

        Study b2 = new Study("study-bracket-02", BRACKET, "bracket-02", 4.184, 2.930, 16, 170, 230, at(10, 9, 0));
        add(b2.t, "optimizer", BRACKET, "study-start", "in-progress",
                "study-bracket-02 launched: SIMP with p-norm stress aggregation, 1.5 mm mesh, 70 iterations max")
                .ref(b2.ref).m("max_iter", 70)
                .detail("Differences to study-bracket-01: p-norm aggregated stress (p=8) instead of per-element limits, 1.5 mm",
                        "mesh with 0.75 mm at the upper lug, LC3 weighted 2x in the aggregation. Solves take about 3 hours.");
        iterate(b2, 58);
        add(plusMin(b2.t, 15, 35), "optimizer", BRACKET, "study-complete", "completed",
                String.format(Locale.ROOT, "study-bracket-02 converged at iteration %d: mass %s kg (-%s%%), max stress %d MPa <= 335, all load cases feasible",
                        b2.iter, f3(b2.objective), f1(100 * (b2.start - b2.objective) / b2.start), Math.round(b2.stress)))
                .ref(b2.ref).m("iterations", b2.iter).m("objective", f3(b2.objective)).m("constraint_ok", b2.ok)
                .m("convergence", f1(b2.conv));

        add(at(16, 10, 0), "tech-lead", BRACKET, "decision-needed", "in-progress",
                "Antoine: machined 7075 or additive AlSi10Mg for the bracket prototype? AM consolidates 3 parts, +35% unit cost")
                .ref("{dec:b-am}")
                .detail("Machined 7075-T6 is the baseline. Additive (LPBF AlSi10Mg) lets the bracket absorb the two spacers",
                        "and follow the topology result without machinability limits, but the material is weaker",
                        "(about half the allowable), so a third study with AM constraints is needed.",
                        "",
                        "- machined: study-bracket-02 result goes to drawing as is;",
                        "- additive: study-bracket-03 with 45 deg overhang control, about 8 days of compute.",
                        "",
                        "Tech Lead leans additive for the prototype only.");
        add(at(17, 16, 30), "tech-lead", BRACKET, "decision-needed", "completed",
                "Antoine chose AM (LPBF AlSi10Mg) for the prototype; machined series decision deferred to after the test")
                .ref("{dec:b-am}");
        add(at(17, 16, 50), "tech-lead", BRACKET, "task-delegated", "in-progress",
                "Delegated to webster: AlSi10Mg LPBF allowables (as-built and stress-relieved, Z direction) for study-bracket-03")
                .ref("{task:b3-mat}").m("to", "webster");
        add(at(21, 9, 0), "optimizer", BRACKET, "review-request", "in-progress",
                "study-bracket-02 results package ready for audit: 58 iterations, 3 load cases, stress and density plots")
                .ref("{task:b2-audit}").m("to", "auditor");
        add(at(21, 10, 30), "webster", BRACKET, "decision-needed", "blocked",
                "AlSi10Mg Z-direction fatigue data is only in the supplier's gated datasheet; Antoine's portal account needed")
                .ref("{dec:b3-datasheet}")
                .blockers("Antoine must download the supplier datasheet (Webster has no portal access); study-bracket-03 waits on it");
        add(at(22, 9, 0), "tech-lead", BRACKET, "task-delegated", "in-progress",
                "Delegated to study-builder: set up study-bracket-03 (AM, 45 deg overhang, build direction +Z, AlSi10Mg)")
                .ref("{task:b3-setup}").m("to", "study-builder");
        add(at(22, 15, 30), "auditor", BRACKET, "task-completed", "completed",
                "Audit of study-bracket-02 passed: results reproduce within 0.4%, one plot mislabelled (MPa vs Pa)")
                .ref("{task:b2-audit}");
        add(at(22, 16, 0), "study-builder", BRACKET, "task-delegated", "blocked",
                "study-bracket-03 setup waiting for AlSi10Mg allowables; geometry and overhang filter are ready")
                .ref("{task:b3-setup}")
                .blockers("Webster's AlSi10Mg data, pending the supplier datasheet from Antoine");
        add(at(23, 14, 0), "webster", BRACKET, "decision-needed", "completed",
                "Antoine downloaded the supplier datasheet; AlSi10Mg stress-relieved Z: yield 230 MPa, fatigue 97 MPa")
                .ref("{dec:b3-datasheet}");
        add(at(23, 14, 10), "webster", BRACKET, "task-completed", "completed",
                "AlSi10Mg LPBF allowables added to knowledge-base/ (as-built and stress-relieved, XY and Z); allowable 153 MPa at SF 1.5")
                .ref("{task:b3-mat}").m("kb", "alsi10mg-lpbf-allowables");
        add(at(24, 10, 20), "study-builder", BRACKET, "task-completed", "completed",
                "study-bracket-03 configured: AlSi10Mg (153 MPa allowable), overhang filter 45 deg, 3 parts consolidated")
                .ref("{task:b3-setup}");

        Study b3 = new Study("study-bracket-03", BRACKET, "bracket-03", 4.602, 3.118, 13, 250, 330, at(24, 11, 0));
        add(b3.t, "optimizer", BRACKET, "study-start", "in-progress",
                "study-bracket-03 launched: AM topology optimization with 45 deg overhang filter, build direction +Z, 60 iterations max")
                .ref(b3.ref).m("max_iter", 60)
                .detail("Design space now includes the two spacers (consolidated part), AlSi10Mg stress-relieved with a",
                        "153 MPa allowable, overhang filter at 45 deg for build direction +Z. The filter makes each iteration",
                        "roughly 1.5 times slower than study-bracket-02.");
        iterate(b3, 6);
        LocalDateTime nan = plusMin(b3.t, 40, 80);
        add(nan, "optimizer", BRACKET, "error", "failed",
                "NaN sensitivities from the overhang filter at study-bracket-03 iteration 7 (zero-density layer at the build plate)")
                .ref(b3.ref);
        add(nan.plusMinutes(95), "tech-lead", BRACKET, "task-completed", "completed",
                "Overhang filter patched: density clamped at 1e-3 and build-plate layer excluded; study-bracket-03 restarted at iteration 7");
        b3.t = nan.plusMinutes(100);
        iterate(b3, 60);

        add(at(31, 15, 0), "tech-lead", BRACKET, "decision-needed", "in-progress",
                "Antoine: approve the AM prototype print order for bracket v3 (EUR 2,400, 9 working days) once study-bracket-03 converges")
                .ref("{dec:b3-print}");
    }

    // ---------------------------------------------------------------- wing-spar-sizing

    static void wingSparSizing() {
        add(at(2, 11, 0), "manager", SPAR, "task-delegated", "in-progress",
                "Delegated to study-builder: set up spar sizing (CFRP caps + web, 14 ply variables, buckling >= 1.5, tip deflection <= 120 mm)")
                .ref("{task:s1-setup}").m("to", "study-builder");
        add(at(2, 11, 30), "study-builder", SPAR, "task-delegated", "in-progress",
                "Delegated to webster: CFRP T700/epoxy allowables including compression-after-impact (CAI)")
                .ref("{task:s1-mat}").m("to", "webster");
        delegate(at(2, 11, 40), "study-builder", "nx-expert", SPAR, "s1-model",
                "shell model of the spar (caps, web, ribs at 600 mm pitch) with PCOMPG laminates", 1650, 1700,
                "Spar shell model ready: 18,640 CQUAD4, 6 laminates, SOL 105 buckling verified against hand calc within 3%")
                .m("elements", 18640);
        add(at(3, 16, 20), "webster", SPAR, "decision-needed", "blocked",
                "CAI allowables for T700/epoxy are NDA-only: sign the supplier NDA, or size with a 0.65 knockdown?")
                .ref("{dec:s-cai}")
                .blockers("Antoine must sign the supplier NDA or approve a conservative CAI knockdown; spar setup waits on it");
        add(at(4, 9, 20), "manager", SPAR, "decision-needed", "completed",
                "Antoine: size with a 0.65 CAI knockdown now; NDA signed in parallel, measured data expected in about 3 weeks")
                .ref("{dec:s-cai}");
        add(at(4, 11, 0), "webster", SPAR, "task-completed", "completed",
                "Allowables set: T700/epoxy lamina values plus 0.65 CAI knockdown (KB entry cfrp-t700-allowables)")
                .ref("{task:s1-mat}");
        add(at(7, 8, 50), "study-builder", SPAR, "task-completed", "completed",
                "Spar sizing study configured: 14 ply variables, 2 load cases (2.5g pull-up, -1g push-over), SQP")
                .ref("{task:s1-setup}");

        Study s1 = new Study("study-spar-01", SPAR, "spar-01", 18.412, 14.870, 7, 35, 70, at(7, 10, 0));
        add(s1.t, "optimizer", SPAR, "study-start", "in-progress",
                "study-spar-01 launched: gradient-based SQP over 14 ply thicknesses, minimize spar mass, 40 iterations max")
                .ref(s1.ref).m("max_iter", 40)
                .detail("14 variables: ply thicknesses of upper and lower caps (6 zones each) and 2 web zones. Constraints:",
                        "buckling factor >= 1.5 on the first mode, tip deflection <= 120 mm at 2.5g, strain allowables with",
                        "the 0.65 CAI knockdown. Gradients by adjoint.");
        iterate(s1, 26);
        LocalDateTime s1done = plusMin(s1.t, 10, 25);
        add(s1done, "optimizer", SPAR, "study-complete", "completed",
                String.format(Locale.ROOT, "study-spar-01 converged at iteration 26: spar mass %s kg (-%s%%), buckling factor %s, tip deflection %d mm",
                        f3(s1.objective), f1(100 * (s1.start - s1.objective) / s1.start), f2(s1.buckling), Math.round(s1.deflection)))
                .ref(s1.ref).m("iterations", s1.iter).m("objective", f3(s1.objective)).m("constraint_ok", s1.ok)
                .m("convergence", f1(s1.conv));
        add(at(8, 11, 0), "optimizer", SPAR, "review-request", "in-progress",
                "study-spar-01 results ready for Tech Lead review (ply book, buckling modes 1-6, deflection plots)")
                .ref("{task:s1-review}").m("to", "tech-lead");
        add(at(9, 14, 30), "tech-lead", SPAR, "task-completed", "completed",
                "study-spar-01 review: buckling modes 3 and 4 swap near the optimum and were not tracked; rerun with mode tracking")
                .ref("{task:s1-review}")
                .detail("At iteration 22 the critical mode changes from cap compression (bay 2) to web shear (bays 3-4).",
                        "The optimizer kept following the old mode index, so the reported factor of the last iterations",
                        "belongs to a mode that is no longer the lowest. The real margin is probably fine but not proven.",
                        "",
                        "Rerun with MAC-based mode tracking over the first 6 modes and add the web plies as variables.");
        add(at(10, 9, 30), "tech-lead", SPAR, "task-delegated", "in-progress",
                "Delegated to study-builder: set up study-spar-02 (20 variables incl. web plies, MAC mode tracking, first 6 modes)")
                .ref("{task:s2-setup}").m("to", "study-builder");
        add(at(11, 14, 0), "study-builder", SPAR, "error", "failed",
                "MAC mode-tracking test run failed: ambiguous pairing for modes 3-4 (MAC 0.48), run aborted")
                .ref("{task:s2-setup}");
        add(at(11, 16, 10), "tech-lead", SPAR, "review-request", "in-progress",
                "Suggested fix for mode tracking: pair by MAC with a 0.7 threshold and fall back to the frequency order")
                .m("to", "study-builder");
        add(at(14, 8, 30), "study-builder", SPAR, "task-completed", "completed",
                "study-spar-02 configured: 20 ply variables, MAC threshold 0.7 with frequency fallback, 50 iterations max")
                .ref("{task:s2-setup}");

        Study s2 = new Study("study-spar-02", SPAR, "spar-02", 18.904, 15.190, 8, 60, 110, at(14, 9, 0));
        add(s2.t, "optimizer", SPAR, "study-start", "in-progress",
                "study-spar-02 launched: SQP over 20 ply thicknesses with MAC buckling-mode tracking, 50 iterations max")
                .ref(s2.ref).m("max_iter", 50)
                .detail("20 variables (web plies split into 8 zones). Buckling constraint on the first 6 modes, paired",
                        "between iterations by MAC >= 0.7 with frequency order as fallback, as recommended in the spar-01 review.");
        iterate(s2, 18);
        LocalDateTime lanczos = afterOutage(plusMin(s2.t, 40, 70));
        add(lanczos, "nx-expert", SPAR, "error", "failed",
                "Lanczos eigen solve found 4 of 6 requested roots at study-spar-02 iteration 19; run aborted")
                .ref(s2.ref)
                .detail("The upper frequency bound of the EIGRL card was set for the initial design. As the caps thinned,",
                        "modes 5 and 6 moved above it. Fix: open the range (V2 blank) and request ND=6 instead.");
        add(lanczos.plusMinutes(12), "optimizer", SPAR, "task-delegated", "in-progress",
                "Delegated to nx-expert: open the EIGRL frequency range for study-spar-02 and re-run iteration 19")
                .ref("{task:s2-lanczos}").m("to", "nx-expert");
        LocalDateTime lanczosFixed = lanczos.plusMinutes(between(110, 150));
        add(lanczosFixed, "nx-expert", SPAR, "task-completed", "completed",
                "EIGRL updated (ND=6, open upper bound); iteration 19 re-solved, all 6 roots found")
                .ref("{task:s2-lanczos}");
        s2.t = lanczosFixed.plusMinutes(5);
        iterate(s2, 34);
        LocalDateTime s2done = plusMin(s2.t, 10, 25);
        add(s2done, "optimizer", SPAR, "study-complete", "completed",
                String.format(Locale.ROOT, "study-spar-02 converged at iteration 34: spar mass %s kg, buckling factor %s with tracked modes, tip deflection %d mm",
                        f3(s2.objective), f2(s2.buckling), Math.round(s2.deflection)))
                .ref(s2.ref).m("iterations", s2.iter).m("objective", f3(s2.objective)).m("constraint_ok", s2.ok)
                .m("convergence", f1(s2.conv));
        String s2mass = f2(s2.objective);

        add(at(17, 10, 0), "optimizer", SPAR, "review-request", "in-progress",
                "study-spar-02 results package ready for audit (ply book, tracked buckling modes, SOL 106 check)")
                .ref("{task:s2-audit}").m("to", "auditor");
        add(at(18, 15, 0), "auditor", SPAR, "task-completed", "completed",
                "Audit of study-spar-02 passed; one ply drop of 3 plies at rib 5 exceeds the 2-ply rule, fixed in the ply book")
                .ref("{task:s2-audit}");
        add(at(21, 10, 0), "tech-lead", SPAR, "decision-needed", "in-progress",
                "Antoine: freeze spar design v2 for drawing release (mass " + s2mass + " kg, buckling factor "
                        + f2(s2.buckling) + ")?")
                .ref("{dec:s-freeze}");
        add(at(22, 9, 30), "tech-lead", SPAR, "decision-needed", "completed",
                "Antoine approved the freeze of spar design v2; drawing release can start")
                .ref("{dec:s-freeze}");
        add(at(22, 10, 0), "manager", SPAR, "milestone", "completed",
                "wing-spar-sizing: design v2 frozen (" + s2mass + " kg), drawing release started")
                .m("gate", "design-freeze");
        delegate(at(22, 10, 15), "tech-lead", "nx-expert", SPAR, "s-plybook",
                "produce drawing-ready spar geometry and the ply book from the study-spar-02 optimum", 4200, 4400,
                "Drawing-ready spar geometry and ply book (212 plies, 6 zones) exported for the drawing office");
        add(at(28, 14, 0), "webster", SPAR, "task-completed", "completed",
                "Supplier CAI data received under NDA: measured knockdown 0.71 vs 0.65 assumed; KB entry cfrp-t700-allowables updated")
                .m("kb", "cfrp-t700-allowables");
        add(at(29, 9, 30), "tech-lead", SPAR, "decision-needed", "in-progress",
                "Antoine: re-run spar sizing with the measured CAI knockdown (about -0.4 kg) or keep frozen v2 and release drawings?")
                .ref("{dec:s-cai2}")
                .detail("A re-run is cheap (about one day of compute) but reopens a frozen design and delays the drawing",
                        "release by roughly a week. Keeping v2 leaves a margin of about 8% on CAI, which the customer may",
                        "welcome on a first article.");
    }

    // ---------------------------------------------------------------- routine work

    record Template(String from, String to, String project, String key, String ask, String done, int firstDay, int lastDay) {}

    /** Detail for some routine completions, by template key. */
    static final Map<String, String[]> TEMPLATE_DETAIL = Map.of(
            "r-b-conv", new String[] {
                "Peak von Mises at the upper lug radius, LC3, same design (iteration 30 densities frozen):",
                "",
                "- 1.5 mm: 318 MPa",
                "- 1.0 mm: 329 MPa",
                "- 0.75 mm: 335 MPa",
                "",
                "The 0.75 mm value is within 2% of 1.0 mm; keeping 0.75 mm only at the lug costs 9% more solve time."},
            "r-b-lit", new String[] {
                "Continuation on the penalization exponent avoids the early local minima seen in study-bracket-01.",
                "Two papers also recommend relaxing the stress measure (qp-relaxation) for the first iterations; noted",
                "for study-bracket-03, not needed for study-bracket-02."},
            "r-s-hand", new String[] {
                "Flat orthotropic panel between ribs 3 and 4, simply supported, shear plus compression interaction:",
                "",
                "```text",
                "hand calc    N_cr = 412 N/mm",
                "SOL 105      N_cr = 398 N/mm   (-3.4%)",
                "```",
                "",
                "The FE value is lower because the web curvature near the cap radius is modelled; acceptable."},
            "r-s-sol106", new String[] {
                "Geometric nonlinearity matters little at -1g: the spar stays in the linear range up to 1.3 times limit load.",
                "Tip deflection 41.2 mm nonlinear vs 40.4 mm linear. No need to run SOL 106 inside the optimization loop."},
            "r-d-mermaid", new String[] {
                "A chart block looks like this in technical.md:",
                "",
                "```text",
                "xychart-beta",
                "    title \"study-bracket-02 objective\"",
                "    x-axis [1, 10, 20, 30, 40]",
                "    line [4.05, 3.61, 3.33, 3.16, 3.06]",
                "```",
                "",
                "Series longer than about 60 points become unreadable, so the generator samples every n-th iteration."},
            "r-d-queue", new String[] {
                "A run restarted after a solver error or a license outage keeps its queue slot and counts once; failed",
                "means the Optimizer gave up on that iteration, not that a single solve crashed."},
            "r-s-pitch", new String[] {
                "Rib pitch changes the web shear buckling margin more than the cap margin. At 700 mm the web needs two",
                "extra plies, which cancels the saving of the removed rib. 600 mm stays the best compromise."});

    static final List<Template> TEMPLATES = List.of(
            new Template("tech-lead", "nx-expert", BRACKET, "r-b-conv",
                    "mesh convergence check on the bracket LC3 hot spot (0.75 / 1.0 / 1.5 mm)",
                    "Mesh convergence on the LC3 hot spot: stress changes 1.8% from 1.0 to 0.75 mm, 1.0 mm is sufficient", 10, 14),
            new Template("study-builder", "nx-expert", BRACKET, "r-b-step",
                    "export the bracket design-space STEP with PMI for the manufacturing review",
                    "Bracket design-space STEP exported (AP242, PMI included) for the manufacturing review", 3, 8),
            new Template("optimizer", "webster", BRACKET, "r-b-lit",
                    "literature check on SIMP penalization continuation for stress-constrained problems",
                    "Summarized 5 papers on continuation schemes; recommend p from 1 to 3 over 20 iterations (KB entry added)", 7, 9),
            new Template("tech-lead", "auditor", BRACKET, "r-b-lc",
                    "spot-check the bracket load case definitions against customer spec rev C",
                    "Bracket load cases match spec rev C; LC2 bolt preload now documented with its source", 3, 6),
            new Template("manager", "secretary", BRACKET, "r-b-note",
                    "prepare a one-page bracket-topopt status note for the customer call",
                    "Bracket status note sent for the customer call: RAG Amber, study-bracket-02 running, AM decision pending", 14, 16),
            new Template("nx-expert", "auditor", BRACKET, "r-b-printprep",
                    "review the LPBF build-orientation report for bracket v3 before support generation",
                    "Build orientation reviewed: +Z confirmed, 2 downskin areas need sacrificial supports", 28, 31),
            new Template("tech-lead", "nx-expert", SPAR, "r-s-hand",
                    "verify the spar buckling model against a flat-panel hand calculation",
                    "Spar buckling model verified: panel 3 first buckling load within 3.4% of the flat-panel hand calculation", 4, 7),
            new Template("study-builder", "webster", SPAR, "r-s-drop",
                    "collect ply-drop design rules (plies per step, taper ratio) for the ply book",
                    "Ply-drop rules collected: max 2 plies per step, 1:20 taper, symmetric drops (KB entry ply-drop-rules)", 9, 12),
            new Template("optimizer", "nx-expert", SPAR, "r-s-sol106",
                    "run the spar optimum at -1g with geometric nonlinearity (SOL 106) as a check",
                    "SOL 106 check at -1g: tip deflection within 2% of linear, no snap-through, stresses within 1.5%", 17, 18),
            new Template("manager", "auditor", SPAR, "r-s-limits",
                    "check spar laminate ply counts against the manufacturing limits sheet",
                    "Spar ply counts within manufacturing limits; minimum cap thickness 1.8 mm respected at the tip", 23, 25),
            new Template("tech-lead", "study-builder", SPAR, "r-s-pitch",
                    "prepare a rib-pitch sensitivity (500 / 600 / 700 mm) on the frozen spar design",
                    "Rib-pitch sensitivity done: 500 mm saves 0.3 kg of cap but adds 2 ribs (+0.9 kg); 600 mm kept", 23, 30),
            new Template("manager", "secretary", ROLLOUT, "r-d-kbidx",
                    "update the knowledge-base index with this week's entries",
                    "Knowledge-base index updated: 4 new entries linked, 2 superseded entries marked, none removed", 4, 4),
            new Template("manager", "auditor", ROLLOUT, "r-d-lines",
                    "review the exec-summary.md line budget (<= 30) after the new risk section",
                    "exec-summary.md at 28 lines with the risk section; truncation rule tested with 6 open decisions", 17, 18),
            new Template("manager", "webster", ROLLOUT, "r-d-mermaid",
                    "check Mermaid xychart-beta rendering on GitHub for the optimization curves",
                    "xychart-beta renders on GitHub: line and bar series supported, no log axis, 1 chart per block", 14, 16),
            new Template("manager", "tech-lead", ROLLOUT, "r-d-queue",
                    "define the FEA queue states for technical.md",
                    "FEA queue states defined: pending, running, completed, failed; a restarted run counts once", 11, 14),
            new Template("auditor", "secretary", ROLLOUT, "r-d-archive",
                    "archive the R1 compliance spot-check notes into knowledge-base/",
                    "R1 compliance notes archived as knowledge-base/log-compliance-lessons.md", 10, 11),
            new Template("manager", "nx-expert", ROLLOUT, "r-d-registry",
                    "report model registry fields (model id, mesh stats, last validated) for technical.md",
                    "Model registry fields delivered for 5 active models; last-validated dates taken from the solver logs", 15, 17),
            new Template("secretary", "webster", ROLLOUT, "r-d-counts",
                    "collect Discord message counts per agent for the operations throughput table",
                    "Discord message counts per agent exported for 2026-W09 and W10 (CSV attached to operations notes)", 17, 21),
            new Template("manager", "optimizer", ROLLOUT, "r-d-burn",
                    "tag every study entry with tokens and cost_usd so resource burn adds up per study",
                    "All study entries now carry tokens and cost_usd; burn per study available from the log", 8, 9),
            new Template("manager", "study-builder", ROLLOUT, "r-d-refs",
                    "add ref= to study setup tasks so technical.md can link setup, runs and reviews",
                    "Study setup entries now carry ref= ids; technical.md links setup, runs and audits per study", 9, 10));

    static void routine() {
        for (Template tp : TEMPLATES) {
            int day;
            do {
                day = between(tp.firstDay(), tp.lastDay());
            } while (!weekday(day) && tp.firstDay() != tp.lastDay());
            LocalDateTime t = at(day, between(8, 15), between(0, 59));
            Entry done = delegate(t, tp.from(), tp.to(), tp.project(), tp.key(), tp.ask(), 60, 540, tp.done());
            if (TEMPLATE_DETAIL.containsKey(tp.key())) {
                done.detail(TEMPLATE_DETAIL.get(tp.key()));
            }
        }

        // knowledge-base growth (webster) and model registry updates (nx-expert)
        add(at(5, 11, 20), "webster", BRACKET, "task-completed", "completed",
                "KB entry added: SIMP topology optimization checklist (penalization, filters, grey elements)")
                .m("kb", "simp-checklist");
        add(at(12, 10, 5), "webster", BRACKET, "error", "failed",
                "Literature fetch failed: publisher API quota exhausted (HTTP 429) after 40 requests; retry after 24h");
        add(at(13, 10, 40), "webster", BRACKET, "task-completed", "completed",
                "Literature fetch retried after quota reset: 12 abstracts on stress-constrained topology optimization indexed");
        add(at(19, 14, 10), "webster", SPAR, "task-completed", "completed",
                "KB entry added: MAC-based buckling mode tracking, with the study-spar-01 failure as a worked example")
                .m("kb", "mac-mode-tracking");
        add(at(26, 11, 30), "webster", BRACKET, "task-completed", "completed",
                "KB entry added: LPBF AlSi10Mg design rules (overhang 45 deg, min wall 0.8 mm, powder removal holes)")
                .m("kb", "lpbf-design-rules");
        add(at(9, 13, 0), "nx-expert", BRACKET, "task-completed", "completed",
                "Model registry: bracket-ds-v2 validated (968k elements, 1.5 mm, min Jacobian 0.58)")
                .m("elements", 968214);
        add(at(14, 13, 20), "nx-expert", SPAR, "task-completed", "completed",
                "Model registry: spar-shell-v2 validated (20 laminates, 19,210 CQUAD4, SOL 105 and 106 decks)")
                .m("elements", 19210);
        add(at(24, 9, 40), "nx-expert", BRACKET, "task-completed", "completed",
                "Model registry: bracket-am-v3 validated (AlSi10Mg, 1.2 mm, overhang filter mesh aligned with +Z)")
                .m("elements", 1322580);

        // the license server outage hits everything that needs NX
        add(OUTAGE_FROM.plusMinutes(4), "nx-expert", BRACKET, "error", "failed",
                "NX/Nastran license checkout failed: license server lic01 unreachable (FlexNet lmgrd not responding)")
                .detail("Both running studies need a Nastran license per solve: study-bracket-02 and study-spar-02 are paused.",
                        "Agents cannot restart the license service; this is an infrastructure action.");
        add(OUTAGE_FROM.plusMinutes(20), "manager", BRACKET, "task-delegated", "blocked",
                "Escalated the license server outage to Mario; study-bracket-02 and study-spar-02 paused")
                .ref("{task:lic}").m("to", "mario")
                .blockers("License server lic01 is down:",
                        "- only Mario (infra) can restart lmgrd on the license host;",
                        "- if the host itself is dead, Antoine must approve the 48h cloud license fallback (EUR 310).");
        add(OUTAGE_TO.minusMinutes(2), "manager", BRACKET, "task-completed", "completed",
                "License server back: Mario restarted lmgrd and renewed the expired lease file; studies resume")
                .ref("{task:lic}")
                .detail("Root cause: the lease file on lic01 expired overnight and lmgrd exited instead of serving the grace",
                        "period. Mario added an expiry check to the host monitoring; the operations dashboard will show it as an alert.");
        add(at(18, 17, 26), "secretary", ROLLOUT, "error", "failed",
                "Daily digest delivery failed: Discord webhook rate-limited (HTTP 429); retrying with backoff");

        // auditor weekly log spot checks after R1
        int[] checkDays = {16, 23, 30};
        double[] checkPct = {98.2, 97.6, 98.9};
        for (int i = 0; i < checkDays.length; i++) {
            add(at(checkDays[i], 15, between(0, 50)), "auditor", ROLLOUT, "review-request", "completed",
                    "Weekly log spot check: " + f1(checkPct[i]) + "% of this week's entries passed the hook on first try (K2 target >= 95%)")
                    .m("compliance_pct", f1(checkPct[i]));
        }

        // Manager synthesis cycles and the Secretary's daily digest
        for (int day = 0; day <= 32; day++) {
            if (!weekday(day)) {
                continue;
            }
            String outputs = day >= 22 ? "; exec, technical and operations dashboards regenerated"
                    : day >= 16 ? "; exec-summary.md regenerated" : "";
            Entry noon = add(at(day, 12, between(30, 50)), "manager", ROLLOUT, "task-completed", "completed",
                    "Synthesized {NEW} new log entries into PROJECT_STATUS.md" + outputs).tokens(6000, 14000);
            Entry evening = add(at(day, 18, between(0, 15)), "manager", ROLLOUT, "task-completed", "completed",
                    "Synthesized {NEW} new log entries into PROJECT_STATUS.md" + outputs).tokens(6000, 14000);
            if (!outputs.isEmpty()) { // K8 counts the cost of entries tagged generation=
                noon.m("generation", "dashboards");
                evening.m("generation", "dashboards");
            }
            if (day >= 2) {
                add(at(day, 17, between(30, 55)), "secretary", ROLLOUT, "task-completed", "completed",
                        "Daily digest sent to Antoine: {TODAY} log entries today, open decisions {OPEN_DEC}, blocked items {BLOCKED}")
                        .tokens(4000, 9000);
            }
        }
    }

    // ---------------------------------------------------------------- rendering

    static final Pattern LINK = Pattern.compile("\\{(dec|task):([a-z0-9-]+)\\}");
    static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
    static final Pattern VALUE = Pattern.compile("[^\\s,]+");

    static String render() {
        List<Entry> entries = new ArrayList<>(LOG);
        entries.sort(Comparator.comparing((Entry e) -> e.at).thenComparingInt(e -> e.seq));

        Map<String, String> ids = new HashMap<>();
        Map<String, Integer> counters = new HashMap<>();
        Map<String, Entry> latestByRef = new LinkedHashMap<>();
        Map<String, String> firstTypeByRef = new HashMap<>();
        int lastSynthesis = -1;

        StringBuilder out = new StringBuilder();
        out.append("# Atomizer HQ — Project Log\n\n");
        out.append("Append-only activity log of the Atomizer HQ agent team (manager, tech-lead, secretary, auditor,\n");
        out.append("optimizer, study-builder, nx-expert, webster). Every entry follows the data contract in\n");
        out.append("`shared/data-contracts/schemas.md`: a `## [YYYY-MM-DD HH:MM] agent-id | project-slug | event-type`\n");
        out.append("heading, then the fields Status, Summary, Detail, Metrics and Blockers in that order, closed by a\n");
        out.append("blank line and `---`. Times are UTC. Entries are only ever appended, never edited or reordered;\n");
        out.append("the Manager synthesizes them into `shared/PROJECT_STATUS.md`, and the dashboards, weekly reports\n");
        out.append("and KPIs are generated from both. Related entries share a `ref=` metric (`study-…`, `dec-NNN`,\n");
        out.append("`task-NNN`); the latest entry of a ref gives its state.\n\n");

        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String summary = link(e.summary, ids, counters);
            String detail = link(e.detail, ids, counters);
            List<String> pairs = new ArrayList<>();
            String ref = null;
            for (String[] kv : e.metrics) {
                String v = link(kv[1], ids, counters);
                if (kv[0].equals("ref")) {
                    ref = v;
                }
                pairs.add(kv[0] + "=" + v);
            }
            if (e.tokens > 0) {
                pairs.add("tokens=" + e.tokens);
                pairs.add("cost_usd=" + f2(Math.max(0.01, e.tokens / 1000.0 * RATE.get(e.agent))));
            }
            String blockers = link(e.blockers, ids, counters);

            if (summary.contains("{NEW}")) {
                int n = i - lastSynthesis - 1;
                summary = summary.replace("{NEW} new log entries", n + (n == 1 ? " new log entry" : " new log entries"));
                lastSynthesis = i;
            }
            if (summary.contains("{TODAY}")) {
                int today = 0;
                for (int j = i - 1; j >= 0 && entries.get(j).at.toLocalDate().equals(e.at.toLocalDate()); j--) {
                    today++;
                }
                long openDecisions = latestByRef.entrySet().stream()
                        .filter(x -> x.getKey().startsWith("dec-") && !x.getValue().status.equals("completed")).count();
                long blocked = latestByRef.values().stream().filter(x -> x.status.equals("blocked")).count();
                summary = summary.replace("{TODAY}", String.valueOf(today))
                        .replace("{OPEN_DEC}", String.valueOf(openDecisions))
                        .replace("{BLOCKED}", String.valueOf(blocked));
            }
            if (ref != null) {
                latestByRef.put(ref, e);
                firstTypeByRef.putIfAbsent(ref, e.type);
            }

            check(e, i == 0 ? null : entries.get(i - 1), summary, detail, pairs, blockers, ref, firstTypeByRef);

            out.append("## [").append(String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d",
                            e.at.getYear(), e.at.getMonthValue(), e.at.getDayOfMonth(), e.at.getHour(), e.at.getMinute()))
                    .append("] ").append(e.agent).append(" | ").append(e.project).append(" | ").append(e.type).append("\n\n");
            out.append("**Status:** ").append(e.status).append('\n');
            out.append("**Summary:** ").append(summary).append('\n');
            if (detail != null) {
                out.append("**Detail:** ").append(detail).append('\n');
            }
            if (!pairs.isEmpty()) {
                out.append("**Metrics:** ").append(String.join(", ", pairs)).append('\n');
            }
            if (blockers != null) {
                out.append("**Blockers:** ").append(blockers).append('\n');
            }
            out.append("\n---\n");
            if (i < entries.size() - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Replaces {dec:key} / {task:key} with ids numbered in order of first appearance. */
    static String link(String s, Map<String, String> ids, Map<String, Integer> counters) {
        if (s == null) {
            return null;
        }
        Matcher m = LINK.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String kind = m.group(1);
            String id = ids.computeIfAbsent(kind + ":" + m.group(2), k -> {
                int n = counters.merge(kind, 1, Integer::sum);
                return String.format(Locale.ROOT, "%s-%03d", kind, n);
            });
            m.appendReplacement(b, id);
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Self-check against the contract, so a script mistake fails here rather than in the linter. */
    static void check(Entry e, Entry previous, String summary, String detail, List<String> pairs, String blockers,
            String ref, Map<String, String> firstTypeByRef) {
        String where = e.at + " " + e.agent + " " + e.type + ": ";
        if (previous != null && e.at.isBefore(previous.at)) {
            throw new IllegalStateException(where + "timestamp goes backwards");
        }
        if (summary.length() >= 200 || summary.contains("\n") || summary.contains("{")) {
            throw new IllegalStateException(where + "bad summary (" + summary.length() + " chars): " + summary);
        }
        Set<String> keys = new HashSet<>();
        for (String p : pairs) {
            String k = p.substring(0, p.indexOf('='));
            String v = p.substring(p.indexOf('=') + 1);
            if (!KEY.matcher(k).matches() || !VALUE.matcher(v).matches() || !keys.add(k)) {
                throw new IllegalStateException(where + "bad metric " + p);
            }
        }
        if (e.type.equals("study-iteration") && !(keys.contains("iteration") && keys.contains("objective"))) {
            throw new IllegalStateException(where + "iteration without iteration/objective");
        }
        if (e.status.equals("blocked") && (blockers == null || blockers.isBlank())) {
            throw new IllegalStateException(where + "blocked without Blockers");
        }
        if (e.type.equals("error") && !e.status.equals("failed")) {
            throw new IllegalStateException(where + "error entries are failed");
        }
        if (ref != null) {
            String first = firstTypeByRef.get(ref);
            boolean opensRight = ref.startsWith("dec-") ? first.equals("decision-needed")
                    : ref.startsWith("task-") ? first.equals("task-delegated") || first.equals("review-request")
                    : first.equals("study-start") || ref.equals("study-pump-03");
            if (!opensRight) {
                throw new IllegalStateException(where + ref + " opened by " + first);
            }
        }
        if (detail != null) {
            checkDetail(where, detail);
        }
    }

    static void checkDetail(String where, String detail) {
        String[] lines = detail.split("\n", -1);
        boolean fenced = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced && (line.startsWith("#") || line.matches("\\s*(---+|===+|\\*\\*\\*+)\\s*")
                    || line.matches("\\*\\*[A-Za-z ]+:\\*\\*.*"))) {
                throw new IllegalStateException(where + "detail line looks like structure: " + line);
            }
        }
        String last = lines[lines.length - 1];
        if (fenced || last.isBlank() || last.startsWith("- ") || last.startsWith("> ") || last.matches("\\d+[.)] .*")) {
            // a field line right after a list or quote would be read as its lazy continuation
            throw new IllegalStateException(where + "detail must end with a paragraph or a closed fence");
        }
    }
}
