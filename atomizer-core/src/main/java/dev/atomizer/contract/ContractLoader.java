package dev.atomizer.contract;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.RuleCatalog;
import dev.atomizer.api.Severity;
import dev.atomizer.md.MarkdownTables;
import dev.atomizer.md.MarkdownTables.Row;
import dev.atomizer.md.MarkdownTables.Section;
import dev.atomizer.md.MarkdownTables.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the contract from schemas.md: GFM tables under fixed level-2 headings (matched ignoring
 * case and any parenthesised remark, so a heading such as "Event Types (enumerated)" works). A section
 * that is absent keeps the built-in default; a section that is present replaces it. Every problem is
 * collected and reported at its own line; none is a stack trace.
 */
public final class ContractLoader {

    public static final String EVENT_TYPES = "event types";
    public static final String STATUS_VALUES = "status values";
    public static final String FIELDS = "fields";
    public static final String AGENTS = "agents";
    public static final String APPROVERS = "approvers";
    public static final String GOVERNED_PATHS = "governed paths";
    public static final String RULES = "rules";
    public static final String SETTINGS = "settings";
    public static final String DASHBOARD_SECTIONS = "dashboard sections";

    static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern METRIC_KEY = Pattern.compile("[a-z][a-z0-9_]*");
    static final Pattern FIELD_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*( [A-Za-z0-9]+)*");

    private final MarkdownTables doc;
    private final List<Diagnostic> problems = new ArrayList<>();

    private ContractLoader(MarkdownTables doc) {
        this.doc = doc;
    }

    /** Loads {@code file}; when it does not exist, the built-in default (the seed) applies. */
    public static Contract load(Path file, String displayPath) throws AtomizerException {
        MarkdownTables doc = MarkdownTables.readIfExists(file, displayPath);
        if (doc == null) {
            return DefaultContract.get();
        }
        return new ContractLoader(doc).build();
    }

    /** Loads a contract from a file's bytes as staged or committed; null bytes (no such file) give the default. */
    public static Contract fromBytes(byte[] bytes, String displayPath) throws AtomizerException {
        if (bytes == null) {
            return DefaultContract.get();
        }
        return parse(MarkdownTables.decode(bytes, displayPath), displayPath);
    }

    /** Loads a contract from markdown text (tests, the contract as staged in the index). */
    public static Contract parse(String markdown, String displayPath) throws AtomizerException {
        return new ContractLoader(MarkdownTables.parse(markdown, displayPath)).build();
    }

    private Contract build() throws AtomizerException {
        Map<String, EventType> eventTypes = DefaultContract.eventTypeMap();
        Set<String> statuses = new LinkedHashSet<>(DefaultContract.STATUSES);
        List<String> fields = DefaultContract.FIELDS;
        Set<String> agents = new LinkedHashSet<>();
        Map<String, java.time.Duration> silentAfter = new LinkedHashMap<>();
        Set<String> approvers = new LinkedHashSet<>();
        List<GovernedPath> governed = DefaultContract.GOVERNED_PATHS;
        Map<String, Severity> severities = new LinkedHashMap<>();
        Map<String, ApproverKey> keys = new LinkedHashMap<>();
        Map<String, String> emails = new LinkedHashMap<>();
        Map<String, ApproverKey> agentKeys = new LinkedHashMap<>();
        Settings settings = Settings.DEFAULT;
        Section sectionsTable = null;

        Map<String, Section> seen = new LinkedHashMap<>();
        for (Section s : doc.sections()) {
            String key = normalize(s.title());
            if (!isKnown(key)) {
                continue;
            }
            if (seen.containsKey(key)) {
                problems.add(doc.problem(
                        s.line(),
                        "section '" + s.title() + "' appears twice (first at line "
                                + seen.get(key).line() + "); keep one table per section"));
                continue;
            }
            seen.put(key, s);
            switch (key) {
                case EVENT_TYPES -> eventTypes = eventTypes(s);
                case STATUS_VALUES ->
                    statuses = new LinkedHashSet<>(
                            keys(s, KEBAB, "status value", "| Status | Meaning |", "status", "value"));
                case FIELDS -> fields = fields(s);
                case AGENTS -> agents = agents(s, silentAfter, emails, agentKeys);
                case APPROVERS -> approvers = approvers(s, keys, emails);
                case GOVERNED_PATHS -> governed = governedPaths(s);
                case RULES -> severities = severities(s);
                case SETTINGS -> settings = settings(s);
                case DASHBOARD_SECTIONS -> sectionsTable = s;
                default -> throw new IllegalStateException(key);
            }
        }
        Sections sections = sectionsTable == null ? Sections.DEFAULT : sections(sectionsTable, eventTypes);
        if (seen.containsKey(EVENT_TYPES) && eventTypes.isEmpty() && hasEmptyTable(seen.get(EVENT_TYPES))) {
            problems.add(doc.problem(seen.get(EVENT_TYPES).line(), "the Event types table lists no event type"));
        }
        if (seen.containsKey(STATUS_VALUES) && statuses.isEmpty() && hasEmptyTable(seen.get(STATUS_VALUES))) {
            problems.add(doc.problem(seen.get(STATUS_VALUES).line(), "the Status values table lists no status"));
        }
        if (seen.containsKey(GOVERNED_PATHS)) {
            owners(seen.get(GOVERNED_PATHS), agents, approvers);
        }
        if (!problems.isEmpty()) {
            problems.sort(Diagnostic.ORDER);
            throw new AtomizerException(
                    doc.path() + ": malformed contract (" + problems.size() + " problem"
                            + (problems.size() == 1 ? "" : "s") + ")",
                    problems);
        }
        return new Contract(
                doc.path(),
                eventTypes,
                statuses,
                fields,
                agents,
                approvers,
                governed,
                severities,
                keys,
                settings,
                sections,
                silentAfter,
                new Identities(emails, agentKeys));
    }

    /** A section whose tables exist but hold no row at all (rows that are all invalid are reported one by one). */
    private static boolean hasEmptyTable(Section s) {
        return !s.tables().isEmpty()
                && s.tables().stream().allMatch(t -> t.rows().isEmpty());
    }

    static String normalize(String title) {
        return title.replaceAll("\\(.*?\\)", "").trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static boolean isKnown(String key) {
        return switch (key) {
            case EVENT_TYPES,
                    STATUS_VALUES,
                    FIELDS,
                    AGENTS,
                    APPROVERS,
                    GOVERNED_PATHS,
                    RULES,
                    SETTINGS,
                    DASHBOARD_SECTIONS -> true;
            default -> false;
        };
    }

    /** The rows of a section's tables, with the index of its key column; null (and a problem) when malformed. */
    private List<Keyed> rows(Section s, String expected, String... keyColumns) {
        if (s.tables().isEmpty()) {
            problems.add(doc.problem(s.line(), "section '" + s.title() + "' has no table; expected " + expected));
            return null;
        }
        List<Keyed> out = new ArrayList<>();
        for (Table t : s.tables()) {
            int k = t.column(keyColumns);
            if (k < 0) {
                problems.add(doc.problem(
                        t.line(),
                        "the '" + s.title() + "' table has no '" + keyColumns[0] + "' column; expected " + expected));
                return null;
            }
            for (Row r : t.rows()) {
                out.add(new Keyed(t, r, unquote(r.cell(k))));
            }
        }
        return out;
    }

    private record Keyed(Table table, Row row, String key) {
        String cell(String... names) {
            return unquote(row.cell(table.column(names)));
        }
    }

    private List<String> keys(Section s, Pattern format, String what, String expected, String... keyColumns) {
        List<Keyed> rows = rows(s, expected, keyColumns);
        List<String> out = new ArrayList<>();
        if (rows == null) {
            return out;
        }
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (Keyed r : rows) {
            if (valid(r, format, what, firstLine)) {
                out.add(r.key());
            }
        }
        return out;
    }

    private boolean valid(Keyed r, Pattern format, String what, Map<String, Integer> firstLine) {
        if (r.key().isEmpty()) {
            problems.add(doc.problem(r.row().line(), "empty " + what + " in the first column"));
            return false;
        }
        if (!format.matcher(r.key()).matches()) {
            problems.add(doc.problem(
                    r.row().line(),
                    what + " '" + r.key() + "' must be "
                            + (format == KEBAB
                                    ? "lowercase kebab-case (a-z, 0-9 and single hyphens)"
                                    : "of the form " + format)));
            return false;
        }
        Integer prev = firstLine.putIfAbsent(r.key(), r.row().line());
        if (prev != null) {
            problems.add(doc.problem(r.row().line(), what + " '" + r.key() + "' is already defined at line " + prev));
            return false;
        }
        return true;
    }

    private Map<String, EventType> eventTypes(Section s) {
        Map<String, EventType> out = new LinkedHashMap<>();
        List<Keyed> rows =
                rows(s, "| Type | Meaning | Required metrics |", "type", "event type", "event-type", "event");
        if (rows == null) {
            return DefaultContract.eventTypeMap();
        }
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (Keyed r : rows) {
            if (!valid(r, KEBAB, "event type", firstLine)) {
                continue;
            }
            List<String> metrics = new ArrayList<>();
            String spec = r.cell("required metrics", "metrics", "required");
            for (String m : spec.split("[,\\s]+")) {
                String key = unquote(m);
                if (key.isEmpty()
                        || key.matches("[-\u2013\u2014]+")
                        || key.equalsIgnoreCase("none")
                        || key.equalsIgnoreCase("n/a")) {
                    continue;
                }
                if (!METRIC_KEY.matcher(key).matches()) {
                    problems.add(doc.problem(
                            r.row().line(),
                            "required metric '" + key + "' of '" + r.key()
                                    + "' is not a metric key ([a-z][a-z0-9_]*)"));
                } else if (!metrics.contains(key)) {
                    metrics.add(key);
                }
            }
            out.put(r.key(), new EventType(r.key(), r.cell("meaning", "description"), metrics));
        }
        return out;
    }

    private List<String> fields(Section s) {
        List<String> out = keys(s, FIELD_NAME, "field name", "| Field | Meaning |", "field", "name");
        if (out.isEmpty()) {
            return DefaultContract.FIELDS;
        }
        for (String required : List.of("Status", "Summary")) {
            if (!out.contains(required)) {
                problems.add(doc.problem(s.line(), "the Fields table must define '" + required + "'"));
            }
        }
        return out;
    }

    /**
     * The agent ids, in table order; the optional Silent after column fills {@code silentAfter}, the
     * optional Email and Key columns {@code emails} and {@code agentKeys}.
     */
    private Set<String> agents(
            Section s,
            Map<String, java.time.Duration> silentAfter,
            Map<String, String> emails,
            Map<String, ApproverKey> agentKeys) {
        return ids(s, "agent id", "| Agent | Role |", new String[] {"agent", "agent-id", "id"}, r -> {
            email(r, "agent", emails);
            key(r, "agent", agentKeys);
            String after = optional(r.cell("silent after", "silence alert"));
            java.time.Duration d = after == null ? null : Settings.parseDuration(after, 30 * 24 * 60);
            if (after != null && d == null) {
                problems.add(doc.problem(
                        r.row().line(),
                        "the Silent after of agent '" + r.key() + "' must be a duration such as '24 hours' or '90"
                                + " minutes' (at most 30 days), not '" + after + "'"));
            } else if (d != null) {
                silentAfter.put(r.key(), d);
            }
        });
    }

    /** The approver ids, in table order; the optional Key and Email columns fill {@code keys} and {@code emails}. */
    private Set<String> approvers(Section s, Map<String, ApproverKey> keys, Map<String, String> emails) {
        return ids(s, "approver", "| Approver | Role | Key |", new String[] {"approver", "name", "id"}, r -> {
            key(r, "approver", keys);
            email(r, "approver", emails);
        });
    }

    /** The optional Key cell of a row (an OpenSSH public key line or an OpenPGP fingerprint) into {@code keys}. */
    private void key(Keyed r, String what, Map<String, ApproverKey> keys) {
        String key = optional(r.cell("key", "public key", "signing key"));
        try {
            if (key != null) {
                keys.put(r.key(), ApproverKey.parse(key));
            }
        } catch (IllegalArgumentException e) {
            problems.add(doc.problem(
                    r.row().line(), "the Key of " + what + " '" + r.key() + "' is malformed: " + e.getMessage()));
        }
    }

    /** The optional Email cell of a row (a commit author's e-mail) into {@code emails}; one id per e-mail a table. */
    private void email(Keyed r, String what, Map<String, String> emails) {
        String email = optional(r.cell("email", "e-mail", "commit email"));
        if (email == null) {
            return;
        }
        if (!Identities.isEmail(email)) {
            problems.add(doc.problem(
                    r.row().line(),
                    "the Email of " + what + " '" + r.key() + "' must be an e-mail address as git records a commit's"
                            + " author ('name@example.com'), not '" + email + "'"));
            return;
        }
        for (Map.Entry<String, String> e : emails.entrySet()) {
            if (e.getValue().equalsIgnoreCase(email) && !e.getKey().equals(r.key())) {
                problems.add(doc.problem(
                        r.row().line(),
                        "the Email of " + what + " '" + r.key() + "' is already '" + e.getKey() + "''s: an e-mail"
                                + " names one id"));
                return;
            }
        }
        emails.put(r.key(), email);
    }

    /**
     * Every Owner of the Governed paths table names an agent or an approver (any well-formed id
     * while the Agents table is empty, as for an entry's agent); an {@code owned} row has one.
     */
    private void owners(Section s, Set<String> agents, Set<String> approvers) {
        Set<String> approverIds = new LinkedHashSet<>(approvers);
        approverIds.add(Contract.BUILT_IN_APPROVER);
        for (Table t : s.tables()) {
            int owner = t.column("owner");
            int path = t.column("path", "pattern", "glob");
            int policy = t.column("policy");
            for (Row r : t.rows()) {
                String o = owner < 0 ? null : optional(unquote(r.cell(owner)));
                String p = path < 0 ? "" : unquote(r.cell(path));
                if (o == null) {
                    if (policy >= 0 && Policy.parse(r.cell(policy)) == Policy.OWNED) {
                        problems.add(doc.problem(
                                r.line(),
                                "path '" + p + "' is 'owned' but names no Owner; add an Owner column with the agent"
                                        + " or approver id that owns it"));
                    }
                    continue;
                }
                boolean known = agents.isEmpty() ? KEBAB.matcher(o).matches() : agents.contains(o);
                if (!known && !approverIds.contains(o)) {
                    problems.add(doc.problem(
                            r.line(),
                            "the Owner '" + o + "' of '" + p
                                    + "' is no agent or approver of the contract; the ids are: "
                                    + String.join(", ", union(agents, approverIds))));
                }
            }
        }
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The kebab-case ids of a table, in table order, each valid row also handed to {@code more}. */
    private Set<String> ids(
            Section s, String what, String expected, String[] keyColumns, java.util.function.Consumer<Keyed> more) {
        Set<String> out = new LinkedHashSet<>();
        List<Keyed> rows = rows(s, expected, keyColumns);
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (Keyed r : rows == null ? List.<Keyed>of() : rows) {
            if (valid(r, KEBAB, what, firstLine)) {
                out.add(r.key());
                more.accept(r);
            }
        }
        return out;
    }

    /** An optional cell's value, or null when it is empty or says none ({@code -}, {@code —}, {@code none}). */
    private static String optional(String cell) {
        return cell.isEmpty() || cell.matches("[-\u2013\u2014]+") || cell.equalsIgnoreCase("none") ? null : cell;
    }

    private Settings settings(Section s) {
        Map<Settings.Setting, String> out = new LinkedHashMap<>();
        List<Keyed> rows = rows(s, "| Setting | Value |", "setting", "name");
        if (rows == null) {
            return Settings.DEFAULT;
        }
        Map<Settings.Setting, Integer> firstLine = new LinkedHashMap<>();
        for (Keyed r : rows) {
            Settings.Setting setting = Settings.Setting.find(r.key());
            if (setting == null) {
                problems.add(doc.problem(
                        r.row().line(),
                        "unknown setting '" + r.key() + "'; the settings are: " + Settings.Setting.labels()));
                continue;
            }
            String value = r.cell("value");
            String accepted = setting.accept(value);
            if (accepted == null) {
                problems.add(doc.problem(
                        r.row().line(),
                        "setting '" + setting.label() + "' must be " + setting.expected() + ", not '" + value + "'"));
                continue;
            }
            Integer prev = firstLine.putIfAbsent(setting, r.row().line());
            if (prev != null) {
                problems.add(doc.problem(
                        r.row().line(), "setting '" + setting.label() + "' is already set at line " + prev));
                continue;
            }
            out.put(setting, accepted);
        }
        return new Settings(out);
    }

    /** The Dashboard sections table; every event type it names must be one the contract defines. */
    private Sections sections(Section s, Map<String, EventType> eventTypes) {
        Map<Sections.Section, List<String>> out = new java.util.EnumMap<>(Sections.Section.class);
        List<Keyed> rows = rows(s, "| Section | Event types |", "section", "name");
        if (rows == null) {
            return Sections.DEFAULT;
        }
        Map<Sections.Section, Integer> firstLine = new java.util.EnumMap<>(Sections.Section.class);
        for (Keyed r : rows) {
            Sections.Section section = Sections.Section.find(r.key());
            if (section == null) {
                problems.add(doc.problem(
                        r.row().line(),
                        "unknown dashboard section '" + r.key() + "'; the sections are: " + Sections.Section.labels()));
                continue;
            }
            Integer prev = firstLine.putIfAbsent(section, r.row().line());
            if (prev != null) {
                problems.add(doc.problem(
                        r.row().line(), "section '" + section.label() + "' is already mapped at line " + prev));
                continue;
            }
            List<String> types = new ArrayList<>();
            for (String t : r.cell("event types", "events", "types").split(",")) {
                String type = unquote(t);
                if (type.isEmpty() || type.matches("[-\u2013\u2014]+") || type.equalsIgnoreCase("none")) {
                    continue;
                }
                if (!eventTypes.containsKey(type)) {
                    problems.add(doc.problem(
                            r.row().line(),
                            "section '" + section.label() + "' names event type '" + type
                                    + "', which the Event types table does not define"));
                } else if (!types.contains(type)) {
                    types.add(type);
                }
            }
            out.put(section, types);
        }
        return new Sections(out);
    }

    private List<GovernedPath> governedPaths(Section s) {
        List<Keyed> rows = rows(s, "| Path | Policy | Meaning |", "path", "pattern", "glob");
        if (rows == null) {
            return DefaultContract.GOVERNED_PATHS;
        }
        List<GovernedPath> out = new ArrayList<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (Keyed r : rows) {
            String path = r.key();
            if (path.isEmpty()
                    || path.startsWith("/")
                    || path.contains("\\")
                    || path.contains("..")
                    || path.contains(" ")) {
                problems.add(
                        doc.problem(
                                r.row().line(),
                                "path '" + path
                                        + "' must be a glob relative to the repository root, with '/' separators (e.g. 'context-docs/**')"));
                continue;
            }
            Integer prev = firstLine.putIfAbsent(path, r.row().line());
            if (prev != null) {
                problems.add(doc.problem(r.row().line(), "path '" + path + "' is already governed at line " + prev));
                continue;
            }
            String p = r.cell("policy");
            Policy policy = Policy.parse(p);
            if (policy == null) {
                problems.add(doc.problem(
                        r.row().line(),
                        "unknown policy '" + p + "' for '" + path + "'; use one of "
                                + labels(Policy.values(), Policy::label)));
                continue;
            }
            String owner = optional(r.cell("owner"));
            out.add(new GovernedPath(path, policy, r.cell("meaning", "description"), owner));
        }
        return out;
    }

    private Map<String, Severity> severities(Section s) {
        Map<String, Severity> out = new LinkedHashMap<>();
        List<Keyed> rows = rows(s, "| Rule | Severity |", "rule", "id");
        if (rows == null) {
            return out;
        }
        for (Keyed r : rows) {
            if (!RuleCatalog.exists(r.key())) {
                problems.add(doc.problem(
                        r.row().line(),
                        "unknown rule '" + r.key() + "'; the rule IDs are listed in the README's rule catalog"));
                continue;
            }
            String sev = r.cell("severity", "level");
            Severity severity = Severity.parse(sev);
            if (severity == null) {
                problems.add(doc.problem(
                        r.row().line(), "severity '" + sev + "' of '" + r.key() + "' must be off, warning or error"));
                continue;
            }
            if (out.putIfAbsent(r.key(), severity) != null) {
                problems.add(doc.problem(r.row().line(), "rule '" + r.key() + "' is configured twice"));
            }
        }
        return out;
    }

    private static <T> String labels(T[] values, Function<T, String> label) {
        List<String> out = new ArrayList<>();
        for (T v : values) {
            out.add(label.apply(v));
        }
        return String.join(", ", out);
    }

    /** Strips the backticks a table cell may wrap its value in. */
    static String unquote(String cell) {
        String c = cell.trim();
        while (c.length() >= 2 && c.startsWith("`") && c.endsWith("`")) {
            c = c.substring(1, c.length() - 1).trim();
        }
        return c;
    }
}
