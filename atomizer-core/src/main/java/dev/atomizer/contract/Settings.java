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

    /** The settings a contract may give, each with its default and the values it accepts. */
    public enum Setting {
        /** trailer: a key-less approver approves by trailer alone; signed: every approval is a signed commit. */
        APPROVALS("Approvals", "trailer", "'trailer' or 'signed'", v -> oneOf(v, "trailer", "signed")),
        /** The zone of the log's timestamps: {@code log} writes the time there, every "now" is read there. */
        TIME_ZONE("Time zone", "UTC", "a time zone ID such as 'UTC', 'Europe/Paris' or 'America/New_York'",
                Settings::zoneId),
        /** How far past the moment of checking an entry may be stamped (clocks drift) before timestamp-future. */
        CLOCK_TOLERANCE("Clock tolerance", "15", "a number of minutes from 0 to 1440, such as '15' or '15 minutes'",
                Settings::minutes);

        private final String label;
        private final String fallback;
        private final String expected;
        private final java.util.function.UnaryOperator<String> accept;

        Setting(String label, String fallback, String expected, java.util.function.UnaryOperator<String> accept) {
            this.label = label;
            this.fallback = fallback;
            this.expected = expected;
            this.accept = accept;
        }

        public String label() {
            return label;
        }

        /** The default value, as stored. */
        public String fallback() {
            return fallback;
        }

        /** What the setting accepts, for messages. */
        public String expected() {
            return expected;
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

        /** The value as stored, or null when the setting does not accept it. */
        public String accept(String value) {
            return accept.apply(value.trim());
        }

        public static String labels() {
            List<String> out = new ArrayList<>();
            for (Setting s : values()) {
                out.add(s.label);
            }
            return String.join(", ", out);
        }
    }

    private static String oneOf(String value, String... allowed) {
        String v = value.toLowerCase(Locale.ROOT);
        return List.of(allowed).contains(v) ? v : null;
    }

    private static String zoneId(String value) {
        try {
            return java.time.ZoneId.of(value).getId();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String minutes(String value) {
        String v = value.toLowerCase(Locale.ROOT).replaceFirst("\\s*(minutes?|min)$", "");
        if (!v.matches("\\d{1,4}")) {
            return null;
        }
        int n = Integer.parseInt(v);
        return n <= 1440 ? Integer.toString(n) : null;
    }

    /** How approvals are given: by trailer (key-less approvers) or only by signed commits. */
    public enum ApprovalMode { TRAILER, SIGNED }

    public Settings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of {@code s}: the table's, else the default. */
    public String get(Setting s) {
        return values.getOrDefault(s, s.fallback());
    }

    /** The zone of the log's timestamps. */
    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(get(Setting.TIME_ZONE));
    }

    /** How far ahead of the moment of checking an entry may be stamped. */
    public java.time.Duration clockTolerance() {
        return java.time.Duration.ofMinutes(Integer.parseInt(get(Setting.CLOCK_TOLERANCE)));
    }

    public ApprovalMode approvals() {
        return get(Setting.APPROVALS).equals("signed") ? ApprovalMode.SIGNED : ApprovalMode.TRAILER;
    }
}
