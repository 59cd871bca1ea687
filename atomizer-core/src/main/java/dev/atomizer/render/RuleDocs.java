package dev.atomizer.render;

import dev.atomizer.lint.RuleCatalog;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What each rule of the catalog checks and how to fix what it finds, in words, for reports that
 * describe their rules (SARIF's {@code tool.driver.rules}). The wording follows the README's rule
 * tables; a test keeps the keys equal to {@link RuleCatalog#defaults()}.
 */
public final class RuleDocs {

    /** One rule's description: when it fires, and how to fix a finding. */
    public record Doc(String id, String fires, String fix) {

        /** The rule ID in PascalCase ({@code heading-format} → {@code HeadingFormat}), SARIF's {@code name}. */
        public String name() {
            StringBuilder b = new StringBuilder(id.length());
            for (String part : id.split("-")) {
                if (!part.isEmpty()) {
                    b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
                }
            }
            return b.toString();
        }

        /** True for the rules over a change (git), false for the log contract rules. */
        public boolean governance() {
            return GOVERNANCE.contains(id);
        }
    }

    private static final java.util.Set<String> GOVERNANCE = java.util.Set.of(RuleCatalog.APPEND_ONLY,
            RuleCatalog.IMMUTABLE_PATH, RuleCatalog.WRITE_ONCE, RuleCatalog.NO_DELETE, RuleCatalog.GENERATED_FILE,
            RuleCatalog.GENERATED_STALE);

    private static final String HEADING = "'## [YYYY-MM-DD HH:MM] agent-id | project-slug | event-type'";

    private static final Map<String, Doc> DOCS = new LinkedHashMap<>();

    static {
        // the README's rule catalog describes the same rules for readers
        put(RuleCatalog.HEADING_FORMAT, "An entry heading does not match " + HEADING + ".",
                "Write the heading exactly as " + HEADING + ": single spaces, ' | ' separators.");
        put(RuleCatalog.TIMESTAMP_INVALID,
                "The date or time of an entry heading is not a real calendar date or 24-hour time (2026-02-30, 24:00, 12:60).",
                "Use a real date (YYYY-MM-DD) and a 24-hour time (HH:MM, 00:00 to 23:59).");
        put(RuleCatalog.TIMESTAMP_ORDER, "An entry is older than the entry before it; the log is append-only in time.",
                "Append entries in time order; a late report gets the current time and says in its Detail when it happened.");
        put(RuleCatalog.TIMESTAMP_FUTURE, "An entry is stamped later than the moment of checking (the clock of log, lint and"
                        + " the hook, the commit's time in verify) by more than the contract's Clock tolerance"
                        + " (default 15 minutes), read in its Time zone (default UTC).",
                "Stamp entries with the current time in the contract's time zone (log does, whatever the machine's"
                        + " TZ); an entry dated ahead would make every later entry fail timestamp-order.");
        put(RuleCatalog.AGENT_ID_FORMAT, "The agent-id of an entry heading is not lowercase kebab-case.",
                "Write the agent-id in lowercase kebab-case, e.g. 'tech-lead'.");
        put(RuleCatalog.UNKNOWN_AGENT, "The contract lists agents and the entry's agent-id is not one of them.",
                "Use an agent of the contract's Agents table, or add the agent there (a change to schemas.md needs approval).");
        put(RuleCatalog.PROJECT_SLUG_FORMAT, "The project-slug of an entry heading is not lowercase kebab-case.",
                "Write the project-slug in lowercase kebab-case, e.g. 'bracket-topopt'.");
        put(RuleCatalog.UNKNOWN_PROJECT, "PROJECT_STATUS.md lists projects and the entry's project-slug is not one of them.",
                "Use a slug of the Projects table of shared/PROJECT_STATUS.md, or ask the Manager to add the project.");
        put(RuleCatalog.UNKNOWN_EVENT_TYPE, "The event-type of an entry heading is not in the contract's enumeration.",
                "Use an event type of the contract's Event types table, or add it there (a one-row change to schemas.md).");
        put(RuleCatalog.STATUS_MISSING, "An entry has no '**Status:**' field.",
                "Add a '**Status:**' line with one of the contract's status values.");
        put(RuleCatalog.STATUS_INVALID, "The Status is not one of the contract's values, or spans lines.",
                "Use one status value of the contract (default: in-progress, completed, blocked, failed) on one line.");
        put(RuleCatalog.SUMMARY_MISSING, "An entry has no '**Summary:**' field, or it is empty.",
                "Add a '**Summary:**' line with a one-line description.");
        put(RuleCatalog.SUMMARY_MULTILINE, "The Summary continues onto a second line.",
                "Keep the Summary on one line; move the rest to '**Detail:**'.");
        put(RuleCatalog.SUMMARY_TOO_LONG, "The Summary is longer than 200 characters.",
                "Shorten the Summary to at most 200 characters; move the rest to '**Detail:**'.");
        put(RuleCatalog.UNKNOWN_FIELD,
                "A '**Name:**' field the contract does not define (also '**Name**:' with the colon outside the bold).",
                "Use a field of the contract (Status, Summary, Detail, Metrics, Blockers by default), written '**Name:**'.");
        put(RuleCatalog.DUPLICATE_FIELD, "A field appears twice in one entry.",
                "Merge the two fields into one.");
        put(RuleCatalog.FIELD_ORDER, "The fields are not in the contract's order (Status, Summary, Detail, Metrics, Blockers).",
                "Reorder the fields as the contract's Fields table lists them.");
        put(RuleCatalog.METRICS_FORMAT,
                "Metrics is not a one-line list of key=value pairs (key [a-z][a-z0-9_]*, value non-empty with no spaces), "
                        + "or a numeric value is out of bounds (18 digits before and after the point).",
                "Write Metrics on one line as key=value pairs separated by ',' and/or spaces, e.g. 'iteration=4, objective=0.31'.");
        put(RuleCatalog.METRICS_DUPLICATE_KEY, "A metric key repeats within one entry.",
                "Keep one value per metric key.");
        put(RuleCatalog.METRIC_REQUIRED, "The contract requires a metric for this event type and it is absent.",
                "Add the required metric to '**Metrics:**' (default: study-iteration requires iteration and objective).");
        put(RuleCatalog.BLOCKERS_MISSING, "The Status is 'blocked' and there is no non-empty Blockers field.",
                "Add '**Blockers:**' saying what blocks the work and who can unblock it.");
        put(RuleCatalog.SEPARATOR_MISSING, "An entry is not closed by '---' before the next entry or the end of the file.",
                "Close the entry with a blank line and then '---' (without the blank line, markdown reads the line above as a heading).");
        put(RuleCatalog.STRAY_CONTENT,
                "Content between an entry's closing '---' and the next heading, or before an entry's first field.",
                "Move the text into a field of an entry (Detail takes any markdown) or remove it.");
        put(RuleCatalog.CONTROL_CHARACTER,
                "An entry holds a control character: NUL or another C0 control other than tab, or DEL.",
                "Remove the character (a NUL makes git treat a dashboard quoting the entry as binary).");
        put(RuleCatalog.ENCODING, "The file is not valid UTF-8 (reported at the first bad byte).",
                "Save the file as UTF-8.");
        put(RuleCatalog.APPEND_ONLY,
                "An existing byte of the log changed: an entry edited, deleted, reordered or inserted above the end.",
                "Restore the existing entries and append a correcting entry at the end instead.");
        put(RuleCatalog.IMMUTABLE_PATH,
                "A foundational path is added, modified, renamed or deleted without an approved change request.",
                "Add the trailers 'Change-Request: <id>' and 'Approved-by: <approver>' (an approver of the contract) to the commit message.");
        put(RuleCatalog.WRITE_ONCE, "An existing generated report is modified, renamed or deleted.",
                "Restore the report; reports are written once, corrections go into a new report or a log entry.");
        put(RuleCatalog.NO_DELETE, "A knowledge-base file is deleted or shrinks without approval.",
                "Restore the file, or add the approval trailers 'Change-Request: <id>' and 'Approved-by: <approver>'.");
        put(RuleCatalog.GENERATED_FILE,
                "A derived file (dashboards, KPI table) is staged with content other than the generator's: a hand edit.",
                "Regenerate the derived files instead of editing them by hand.");
        put(RuleCatalog.GENERATED_STALE, "Derived files are not what the generator makes from the committed sources.",
                "Regenerate the derived files and commit them.");
    }

    private RuleDocs() {
    }

    private static void put(String id, String fires, String fix) {
        DOCS.put(id, new Doc(id, fires, fix));
    }

    /** Every rule in catalog order. */
    public static java.util.Collection<Doc> all() {
        return java.util.Collections.unmodifiableCollection(DOCS.values());
    }

    /** The rule's description, or null for an ID outside the catalog (such as {@code config}). */
    public static Doc of(String id) {
        return DOCS.get(id);
    }
}
