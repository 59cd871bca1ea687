package dev.atomizer.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code ## Settings} table of schemas.md (columns {@code Setting}, {@code Value}): one value
 * per known setting, the default for those the table does not list.
 *
 * @param values the table's values by setting, lowercase as the setting allows them
 */
public record Settings(Map<Setting, String> values) {

    public static final Settings DEFAULT = new Settings(Map.of());

    /** The settings a contract may give, with the values each allows (the first is the default). */
    public enum Setting {
        /** trailer: a key-less approver approves by trailer alone; signed: every approval is a signed commit. */
        APPROVALS("Approvals", List.of("trailer", "signed"));

        private final String label;
        private final List<String> allowed;

        Setting(String label, List<String> allowed) {
            this.label = label;
            this.allowed = allowed;
        }

        public String label() {
            return label;
        }

        public List<String> allowed() {
            return allowed;
        }

        /** The setting a table names, ignoring case; null when there is none. */
        public static Setting find(String name) {
            for (Setting s : values()) {
                if (s.label.equalsIgnoreCase(name.trim())) {
                    return s;
                }
            }
            return null;
        }

        /** The value as stored, or null when the setting does not allow it. */
        public String accept(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            return allowed.contains(v) ? v : null;
        }

        public static String labels() {
            List<String> out = new ArrayList<>();
            for (Setting s : values()) {
                out.add(s.label);
            }
            return String.join(", ", out);
        }
    }

    /** How approvals are given: by trailer (key-less approvers) or only by signed commits. */
    public enum ApprovalMode { TRAILER, SIGNED }

    public Settings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of {@code s}: the table's, else the default. */
    public String get(Setting s) {
        return values.getOrDefault(s, s.allowed().get(0));
    }

    public ApprovalMode approvals() {
        return get(Setting.APPROVALS).equals("signed") ? ApprovalMode.SIGNED : ApprovalMode.TRAILER;
    }
}
