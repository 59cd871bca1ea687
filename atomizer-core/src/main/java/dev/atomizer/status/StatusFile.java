package dev.atomizer.status;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.md.MarkdownTables;
import dev.atomizer.md.MarkdownTables.Row;
import dev.atomizer.md.MarkdownTables.Section;
import dev.atomizer.md.MarkdownTables.Table;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * PROJECT_STATUS.md as the dashboards and reports read it: tables under fixed level-2 headings,
 * every one optional. Column names are matched ignoring case; extra columns are allowed.
 *
 * <pre>
 * ## Projects  | Slug | Name | RAG | Status | Phase | Owner | Next milestone |
 * ## Planned   | Project | Item | Due | Owner |
 * ## Risks     | Risk | Project | Impact | Likelihood | Mitigation |
 * ## Budgets   | Agent | Monthly tokens |
 * ## Models    | Model | Project | Mesh | Last validated | Notes |
 * </pre>
 *
 * Settings (the weekly report's due time, KPI targets, …) live in the contract's Settings table;
 * a {@code ## Settings} table here is reported, with where to move it.
 *
 * RAG is Green, Amber or Red; Status is active (default), on-hold or completed; Impact and
 * Likelihood are High, Medium or Low; dates are YYYY-MM-DD. Problems are reported with file:line.
 */
public record StatusFile(
        String source,
        List<Project> projects,
        List<Planned> planned,
        List<Risk> risks,
        List<Budget> budgets,
        List<Model> models) {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Red, Amber, Green. */
    public enum Rag {
        GREEN("Green", "🟢"),
        AMBER("Amber", "🟠"),
        RED("Red", "🔴");

        private final String label;
        private final String mark;

        Rag(String label, String mark) {
            this.label = label;
            this.mark = mark;
        }

        public String label() {
            return label;
        }

        public String mark() {
            return mark;
        }

        /** The worse of two. */
        public Rag worst(Rag other) {
            return other.ordinal() > ordinal() ? other : this;
        }

        static Rag parse(String s) {
            for (Rag r : values()) {
                if (r.label.equalsIgnoreCase(s.strip())) {
                    return r;
                }
            }
            return null;
        }
    }

    /** High, Medium, Low. */
    public enum Level {
        LOW,
        MEDIUM,
        HIGH;

        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }

        static Level parse(String s) {
            for (Level l : values()) {
                if (l.name().equalsIgnoreCase(s.strip())) {
                    return l;
                }
            }
            return null;
        }
    }

    /** @param rag declared RAG, or null when the column is absent or empty */
    public record Project(
            int line,
            String slug,
            String name,
            Rag rag,
            boolean completed,
            boolean onHold,
            String phase,
            String owner,
            String next) {}

    public record Planned(int line, String project, String item, LocalDate due, String owner) {}

    public record Risk(int line, String risk, String project, Level impact, Level likelihood, String mitigation) {
        public int score() {
            return (impact.ordinal() + 1) * (likelihood.ordinal() + 1);
        }
    }

    public record Budget(int line, String agent, long monthlyTokens) {}

    public record Model(int line, String model, String project, String mesh, String validated, String notes) {}

    public static StatusFile none() {
        return new StatusFile(null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public boolean present() {
        return source != null;
    }

    public Project project(String slug) {
        for (Project p : projects) {
            if (p.slug().equals(slug)) {
                return p;
            }
        }
        return null;
    }

    /** From the file's bytes; null bytes (no such file) give {@link #none()}. */
    public static StatusFile fromBytes(byte[] bytes, String displayPath) throws AtomizerException {
        if (bytes == null) {
            return none();
        }
        MarkdownTables doc = MarkdownTables.parse(MarkdownTables.decode(bytes, displayPath), displayPath);
        return new Reader(doc).read();
    }

    private static final class Reader {
        private final MarkdownTables doc;
        private final List<Diagnostic> problems = new ArrayList<>();

        Reader(MarkdownTables doc) {
            this.doc = doc;
        }

        StatusFile read() throws AtomizerException {
            List<Project> projects = new ArrayList<>();
            for (Cells r : rows("Projects", "slug|project")) {
                String slug = slug(r, r.get("slug", "project"));
                if (slug == null) {
                    continue;
                }
                if (projects.stream().anyMatch(p -> p.slug().equals(slug))) {
                    problem(r.line, "project '" + slug + "' is listed twice");
                    continue;
                }
                String ragText = r.get("rag");
                Rag rag = ragText.isEmpty() ? null : Rag.parse(ragText);
                if (!ragText.isEmpty() && rag == null) {
                    problem(r.line, "RAG '" + ragText + "' of project '" + slug + "' is not one of Green, Amber, Red");
                }
                String status = r.get("status").toLowerCase(Locale.ROOT);
                if (!status.isEmpty()
                        && !List.of("active", "on-hold", "completed").contains(status)) {
                    problem(
                            r.line,
                            "Status '" + r.get("status") + "' of project '" + slug
                                    + "' is not one of active, on-hold, completed");
                }
                projects.add(new Project(
                        r.line,
                        slug,
                        r.get("name"),
                        rag,
                        status.equals("completed"),
                        status.equals("on-hold"),
                        r.get("phase"),
                        r.get("owner"),
                        r.get("next milestone", "next steps", "next")));
            }
            List<Planned> planned = new ArrayList<>();
            for (Cells r : rows("Planned", "item")) {
                String slug = slug(r, r.get("project", "slug"));
                LocalDate due = date(r, r.get("due"), "Due");
                planned.add(new Planned(r.line, slug, r.get("item"), due, r.get("owner")));
            }
            List<Risk> risks = new ArrayList<>();
            for (Cells r : rows("Risks", "risk")) {
                Level impact = level(r, "impact");
                Level likelihood = level(r, "likelihood");
                if (impact != null && likelihood != null) {
                    String p = r.get("project", "slug");
                    risks.add(new Risk(
                            r.line,
                            r.get("risk"),
                            p.isEmpty() ? null : slug(r, p),
                            impact,
                            likelihood,
                            r.get("mitigation")));
                }
            }
            List<Budget> budgets = new ArrayList<>();
            for (Cells r : rows("Budgets", "agent")) {
                String text = r.get("monthly tokens", "tokens", "budget");
                String digits = text.replace(",", "").replace("_", "").strip();
                if (!digits.matches("[0-9]{1,15}")) {
                    problem(
                            r.line,
                            "monthly token budget '" + text + "' of agent '" + r.get("agent")
                                    + "' is not a whole number");
                    continue;
                }
                budgets.add(new Budget(r.line, r.get("agent"), Long.parseLong(digits)));
            }
            List<Model> models = new ArrayList<>();
            for (Cells r : rows("Models", "model")) {
                String p = r.get("project", "slug");
                models.add(new Model(
                        r.line,
                        r.get("model"),
                        p.isEmpty() ? null : slug(r, p),
                        r.get("mesh"),
                        r.get("last validated", "validated"),
                        r.get("notes", "status")));
            }
            for (Cells r : rows("Settings", "setting")) {
                problem(
                        r.line,
                        "setting '" + r.get("setting") + "' belongs in the Settings table of "
                                + dev.atomizer.api.Workspace.CONTRACT + " (a contract change): move it there");
            }
            if (!problems.isEmpty()) {
                throw new AtomizerException(doc.path() + ": malformed project status", problems);
            }
            return new StatusFile(
                    doc.path(),
                    List.copyOf(projects),
                    List.copyOf(planned),
                    List.copyOf(risks),
                    List.copyOf(budgets),
                    List.copyOf(models));
        }

        private List<Cells> rows(String section, String required) {
            Section s = doc.section(section);
            List<Cells> out = new ArrayList<>();
            if (s == null) {
                return out;
            }
            String[] names = required.split("\\|");
            for (Table t : s.tables()) {
                if (t.column(names) < 0) {
                    problem(t.line(), "the " + section + " table has no '" + cap(names[0]) + "' column");
                    continue;
                }
                for (Row r : t.rows()) {
                    out.add(new Cells(t, r));
                }
            }
            return out;
        }

        private String slug(Cells r, String text) {
            String slug = text.strip();
            if (!KEBAB.matcher(slug).matches()) {
                problem(r.line, "project slug '" + slug + "' must be lowercase kebab-case, as in the log's headings");
                return null;
            }
            return slug;
        }

        private LocalDate date(Cells r, String text, String column) {
            if (text.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                problem(r.line, column + " '" + text + "' is not a date YYYY-MM-DD");
                return null;
            }
        }

        private Level level(Cells r, String column) {
            String text = r.get(column);
            Level l = Level.parse(text);
            if (l == null) {
                problem(
                        r.line,
                        cap(column) + " '" + text + "' of risk '" + r.get("risk")
                                + "' is not one of High, Medium, Low");
            }
            return l;
        }

        private void problem(int line, String message) {
            problems.add(doc.problem(line, message));
        }

        private static String cap(String s) {
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
    }

    /** A row's cells by lowercase header. */
    private static final class Cells {
        final int line;
        private final Table table;
        private final Row row;

        Cells(Table table, Row row) {
            this.table = table;
            this.row = row;
            this.line = row.line();
        }

        String get(String... names) {
            int k = table.column(names);
            return k < 0 ? "" : row.cell(k).strip();
        }
    }
}
