package dev.atomizer.lint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stable rule IDs (the README's rule catalog) with their default severities. IDs never change:
 * they appear in every output and are what users configure.
 */
public final class RuleCatalog {

    // the log contract's rules, checked on each entry
    public static final String HEADING_FORMAT = "heading-format";
    public static final String TIMESTAMP_INVALID = "timestamp-invalid";
    public static final String TIMESTAMP_ORDER = "timestamp-order";
    public static final String TIMESTAMP_FUTURE = "timestamp-future";
    public static final String AGENT_ID_FORMAT = "agent-id-format";
    public static final String UNKNOWN_AGENT = "unknown-agent";
    public static final String PROJECT_SLUG_FORMAT = "project-slug-format";
    public static final String UNKNOWN_PROJECT = "unknown-project";
    public static final String UNKNOWN_EVENT_TYPE = "unknown-event-type";
    public static final String STATUS_MISSING = "status-missing";
    public static final String STATUS_INVALID = "status-invalid";
    public static final String SUMMARY_MISSING = "summary-missing";
    public static final String SUMMARY_MULTILINE = "summary-multiline";
    public static final String SUMMARY_TOO_LONG = "summary-too-long";
    public static final String UNKNOWN_FIELD = "unknown-field";
    public static final String DUPLICATE_FIELD = "duplicate-field";
    public static final String FIELD_ORDER = "field-order";
    public static final String METRICS_FORMAT = "metrics-format";
    public static final String METRICS_DUPLICATE_KEY = "metrics-duplicate-key";
    public static final String METRIC_REQUIRED = "metric-required";
    public static final String BLOCKERS_MISSING = "blockers-missing";
    public static final String SEPARATOR_MISSING = "separator-missing";
    public static final String STRAY_CONTENT = "stray-content";
    public static final String CONTROL_CHARACTER = "control-character";
    public static final String ENCODING = "encoding";

    // the governance rules, checked over a change: the staged index against HEAD, or a commit against its parent
    public static final String APPEND_ONLY = "append-only";
    public static final String IMMUTABLE_PATH = "immutable-path";
    public static final String WRITE_ONCE = "write-once";
    public static final String NO_DELETE = "no-delete";
    public static final String GENERATED_FILE = "generated-file";
    public static final String GENERATED_STALE = "generated-stale";

    /** Not a catalog rule: problems in schemas.md, PROJECT_STATUS.md or the options (exit code 2). */
    public static final String CONFIG = "config";

    private static final Map<String, Severity> DEFAULTS;

    static {
        Map<String, Severity> m = new LinkedHashMap<>();
        m.put(HEADING_FORMAT, Severity.ERROR);
        m.put(TIMESTAMP_INVALID, Severity.ERROR);
        m.put(TIMESTAMP_ORDER, Severity.ERROR);
        m.put(TIMESTAMP_FUTURE, Severity.ERROR);
        m.put(AGENT_ID_FORMAT, Severity.ERROR);
        m.put(UNKNOWN_AGENT, Severity.ERROR);
        m.put(PROJECT_SLUG_FORMAT, Severity.ERROR);
        m.put(UNKNOWN_PROJECT, Severity.WARNING);
        m.put(UNKNOWN_EVENT_TYPE, Severity.ERROR);
        m.put(STATUS_MISSING, Severity.ERROR);
        m.put(STATUS_INVALID, Severity.ERROR);
        m.put(SUMMARY_MISSING, Severity.ERROR);
        m.put(SUMMARY_MULTILINE, Severity.ERROR);
        m.put(SUMMARY_TOO_LONG, Severity.WARNING);
        m.put(UNKNOWN_FIELD, Severity.ERROR);
        m.put(DUPLICATE_FIELD, Severity.ERROR);
        m.put(FIELD_ORDER, Severity.WARNING);
        m.put(METRICS_FORMAT, Severity.ERROR);
        m.put(METRICS_DUPLICATE_KEY, Severity.ERROR);
        m.put(METRIC_REQUIRED, Severity.ERROR);
        m.put(BLOCKERS_MISSING, Severity.ERROR);
        m.put(SEPARATOR_MISSING, Severity.ERROR);
        m.put(STRAY_CONTENT, Severity.ERROR);
        m.put(CONTROL_CHARACTER, Severity.ERROR);
        m.put(ENCODING, Severity.ERROR);
        m.put(APPEND_ONLY, Severity.ERROR);
        m.put(IMMUTABLE_PATH, Severity.ERROR);
        m.put(WRITE_ONCE, Severity.ERROR);
        m.put(NO_DELETE, Severity.ERROR);
        m.put(GENERATED_FILE, Severity.ERROR);
        m.put(GENERATED_STALE, Severity.ERROR);
        DEFAULTS = Collections.unmodifiableMap(m);
    }

    private RuleCatalog() {
    }

    /** Every rule ID in catalog order, with its default severity. */
    public static Map<String, Severity> defaults() {
        return DEFAULTS;
    }

    public static boolean exists(String id) {
        return DEFAULTS.containsKey(id);
    }
}
