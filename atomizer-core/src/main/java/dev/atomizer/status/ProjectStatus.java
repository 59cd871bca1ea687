package dev.atomizer.status;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.md.MarkdownTables;
import dev.atomizer.md.MarkdownTables.Row;
import dev.atomizer.md.MarkdownTables.Section;
import dev.atomizer.md.MarkdownTables.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Manager-owned PROJECT_STATUS.md, as far as linting needs it: the project slugs of the table
 * under {@code ## Projects} (its {@code Slug} column, or else its {@code Project} column).
 *
 * @param source   where it was read, or null when absent
 * @param projects project slug to its row's cells keyed by lowercase header, in table order
 */
public record ProjectStatus(String source, Map<String, Map<String, String>> projects) {

    public static final String PROJECTS = "projects";
    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public ProjectStatus {
        projects = Collections.unmodifiableMap(new LinkedHashMap<>(projects));
    }

    public static ProjectStatus none() {
        return new ProjectStatus(null, Map.of());
    }

    /** The listed slugs, or null when the file lists no projects (unknown-project is then silent). */
    public Set<String> slugs() {
        return projects.isEmpty() ? null : projects.keySet();
    }

    public static ProjectStatus load(Path file, String displayPath) throws AtomizerException {
        MarkdownTables doc = MarkdownTables.readIfExists(file, displayPath);
        if (doc == null) {
            return none();
        }
        return read(doc);
    }

    /** From a file's bytes as staged or committed; null bytes (no such file) give none. */
    public static ProjectStatus fromBytes(byte[] bytes, String displayPath) throws AtomizerException {
        if (bytes == null) {
            return none();
        }
        return read(MarkdownTables.parse(MarkdownTables.decode(bytes, displayPath), displayPath));
    }

    public static ProjectStatus parse(String markdown, String displayPath) throws AtomizerException {
        return read(MarkdownTables.parse(markdown, displayPath));
    }

    private static ProjectStatus read(MarkdownTables doc) throws AtomizerException {
        Section s = doc.section("Projects");
        if (s == null) {
            return new ProjectStatus(doc.path(), Map.of());
        }
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, Map<String, String>> projects = new LinkedHashMap<>();
        if (s.tables().isEmpty()) {
            problems.add(doc.problem(
                    s.line(),
                    "the Projects section has no table; expected "
                            + "| Slug | Name | RAG | ... | with one row per project"));
        }
        for (Table t : s.tables()) {
            int k = t.column("slug", "project");
            if (k < 0) {
                problems.add(doc.problem(t.line(), "the Projects table has no 'Slug' column"));
                continue;
            }
            for (Row r : t.rows()) {
                String slug = r.cell(k).trim();
                if (!KEBAB.matcher(slug).matches()) {
                    problems.add(doc.problem(
                            r.line(),
                            "project slug '" + slug + "' must be lowercase kebab-case, as in the log's headings"));
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < t.headers().size(); i++) {
                    cells.put(t.headers().get(i), r.cell(i));
                }
                if (projects.putIfAbsent(slug, cells) != null) {
                    problems.add(doc.problem(r.line(), "project '" + slug + "' is listed twice"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AtomizerException(doc.path() + ": malformed project status", problems);
        }
        return new ProjectStatus(doc.path(), projects);
    }
}
