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
        /**
         * off: anyone may append any agent's entries; author: an entry's agent must be the commit's
         * author (its Email); signed: the commit must be signed with the agent's Key.
         */
        ENTRY_IDENTITY(
                "Entry identity", "off", "'off', 'author' or 'signed'", v -> oneOf(v, "off", "author", "signed")),
        /** The zone of the log's timestamps: {@code log} writes the time there, every "now" is read there. */
        TIME_ZONE(
                "Time zone",
                "UTC",
                "a time zone ID such as 'UTC', 'Europe/Paris' or 'America/New_York'",
                Settings::zoneId),
        /** How far past the moment of checking an entry may be stamped (clocks drift) before timestamp-future. */
        CLOCK_TOLERANCE(
                "Clock tolerance",
                "15",
                "a number of minutes from 0 to 1440, such as '15' or '15 minutes'",
                Settings::minutes),
        /** The team's name, at the top of its reports; none by default. */
        ORGANISATION("Organisation", "", "a name on one line of at most 80 characters", Settings::name),
        /** When a week's report is due: a day, a time and a zone. */
        WEEKLY_DUE(
                "Weekly report due",
                "Friday 17:00 America/New_York",
                "a day, a time and a time zone, such as 'Friday 17:00 America/New_York'",
                Settings::weekly),
        /** How long before the due time a week's report is cut off: it covers the log up to then. */
        WEEKLY_CUTOFF(
                "Weekly report cut-off",
                "60",
                "a duration before the due time from 0 minutes to 6 days, " + "such as '60 minutes' or '2 hours'",
                v -> duration(v, 6 * 24 * 60)),
        /** K1: the longest a log commit may wait for the dashboards' regeneration. */
        K1_TARGET("K1 target", "60", "a duration such as '1 hour' or '30 minutes'", v -> duration(v, 7 * 24 * 60)),
        /** K2: the share of a week's entries that must pass the contract. */
        K2_TARGET("K2 target", "95", "a percentage such as '95%'", Settings::percent),
        /** K5: the longest a decision may wait. */
        K5_TARGET("K5 target", "2880", "a duration such as '48 hours' or '2 days'", v -> duration(v, 90 * 24 * 60)),
        /** K7: the highest share of errors in an agent's entries. */
        K7_TARGET("K7 target", "5", "a percentage such as '5%'", Settings::percent),
        /** K8: the most a week's generation work may cost, in US dollars. */
        K8_TARGET("K8 target", "2.00", "an amount of US dollars such as '$2' or '2.50'", Settings::dollars),
        /** How long the whole log may stay silent before the watchdog raises {@code log-silent}. */
        SILENCE_ALERT(
                "Silence alert", "360", "a duration such as '6 hours' or '90 minutes'", v -> duration(v, 30 * 24 * 60)),
        /**
         * How long the main line may stay ahead of its last verified commit (a run skipped, cancelled
         * or failing) before the watchdog raises {@code unverified-main}.
         */
        VERIFY_LAG("Verify lag", "1440", "a duration such as '24 hours' or '2 days'", v -> duration(v, 30 * 24 * 60)),
        /**
         * on: {@code log} writes each new entry as a file of the inbox ({@code shared/inbox}), which the
         * bot folds into the log on the main line ({@code atomizer fold}), so pull requests that add
         * entries never conflict in the log; off (the default): entries are appended to the log.
         */
        ENTRY_INBOX("Entry inbox", "off", "'on' or 'off'", v -> oneOf(v, "on", "off")),
        /**
         * With the inbox on: how much older than the entry before it an entry of the log may be (an
         * entry written on a branch reaches the log when its branch is folded, after entries of
         * branches folded first); older than that is still {@code timestamp-order}.
         */
        FOLD_WINDOW(
                "Fold window", "10080", "a duration such as '7 days' or '48 hours'", v -> duration(v, 90 * 24 * 60)),
        /** The log's size past which GitHub no longer renders it: {@code log-size-render} warns (stored in bytes). */
        LOG_RENDER_LIMIT(
                "Log render limit",
                Long.toString(2L << 20),
                "a size up to 100 MB such as '2 MB' or '512 KB' (1 MB = 1,048,576 bytes)",
                Settings::size),
        /** The log's size past which it nears the host's refusal (100 MB): {@code log-size-limit} errs (bytes). */
        LOG_SIZE_LIMIT(
                "Log size limit",
                Long.toString(95L << 20),
                "a size up to 100 MB such as '95 MB' (1 MB = 1,048,576 bytes)",
                Settings::size);

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

        /** The setting a table names, ignoring case (and the US spelling of Organisation); null when there is none. */
        public static Setting find(String name) {
            String n = name.trim()
                    .replaceFirst("(?i)^organization$", "Organisation")
                    .replaceFirst("(?i)cutoff$", "cut-off");
            for (Setting s : values()) {
                if (s.label.equalsIgnoreCase(n)) {
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

    private static String name(String value) {
        return value.isEmpty() || value.length() > 80 || value.chars().anyMatch(Character::isISOControl) ? null : value;
    }

    private static final java.util.regex.Pattern DURATION =
            java.util.regex.Pattern.compile("(\\d{1,6})\\s*(m|min|mins|minutes?|h|hours?|d|days?)?");

    /**
     * A duration as a setting writes it ({@code 6 hours}, {@code 90 minutes}, {@code 2 days}, a bare
     * number of minutes), at most {@code maxMinutes}; null when it is not one.
     */
    public static java.time.Duration parseDuration(String value, int maxMinutes) {
        String minutes = duration(value, maxMinutes);
        return minutes == null ? null : java.time.Duration.ofMinutes(Long.parseLong(minutes));
    }

    private static String duration(String value, int max) {
        java.util.regex.Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "m" : m.group(2);
        long minutes = unit.startsWith("h") ? n * 60 : unit.startsWith("d") ? n * 24 * 60 : n;
        return minutes <= max ? Long.toString(minutes) : null;
    }

    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile(
            "(\\d{1,12}(?:\\.\\d{1,3})?)\\s*(b|bytes?|kb|kib|k|mb|mib|m)?", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A size in bytes from "2 MB", "512 KB", "1.5 MB" or a bare number of bytes, at most 100 MB. */
    private static String size(String value) {
        java.util.regex.Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            return null;
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long scale = unit.startsWith("k") ? 1L << 10 : unit.startsWith("m") ? 1L << 20 : 1;
        long bytes = new java.math.BigDecimal(m.group(1))
                .multiply(java.math.BigDecimal.valueOf(scale))
                .longValue();
        return bytes > 0 && bytes <= 100L << 20 ? Long.toString(bytes) : null;
    }

    /** A size setting, in bytes. */
    public long bytes(Setting s) {
        return Long.parseLong(get(s));
    }

    private static String percent(String value) {
        String v = value.replaceFirst("\\s*%$", "");
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(v);
            return d.signum() < 0 || d.compareTo(java.math.BigDecimal.valueOf(100)) > 0
                    ? null
                    : d.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String dollars(String value) {
        String v = value.replaceFirst("^\\$\\s*", "").replaceFirst("\\s*(usd|USD)$", "");
        if (!v.matches("\\d{1,7}(\\.\\d{1,2})?")) {
            return null;
        }
        return new java.math.BigDecimal(v).setScale(2).toPlainString();
    }

    /** "Friday 17:00 America/New_York", normalised; null when it is not a day, a time and a zone. */
    private static String weekly(String value) {
        String[] parts = value.split("\\s+");
        if (parts.length != 3) {
            return null;
        }
        try {
            java.time.DayOfWeek day = java.time.DayOfWeek.valueOf(parts[0].toUpperCase(Locale.ROOT));
            java.time.LocalTime time = java.time.LocalTime.parse(parts[1].length() == 4 ? "0" + parts[1] : parts[1]);
            String zone = java.time.ZoneId.of(parts[2]).getId();
            String d = day.name().charAt(0) + day.name().substring(1).toLowerCase(Locale.ROOT);
            return d + " " + time + " " + zone;
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return null;
        }
    }

    /** When week reports fall due: the due moment of a week and its cut-off. */
    public record Weekly(
            java.time.DayOfWeek day, java.time.LocalTime time, java.time.ZoneId zone, java.time.Duration cutOff) {

        /** The due moment of the ISO week starting on {@code monday}. */
        public java.time.Instant due(java.time.LocalDate monday) {
            return monday.plusDays(day.ordinal()).atTime(time).atZone(zone).toInstant();
        }

        /** The cut-off of the ISO week starting on {@code monday}: its report covers the log up to then. */
        public java.time.Instant cutOff(java.time.LocalDate monday) {
            return due(monday).minus(cutOff);
        }
    }

    /** The weekly report's due time and cut-off. */
    public Weekly weekly() {
        String[] parts = get(Setting.WEEKLY_DUE).split(" ");
        return new Weekly(
                java.time.DayOfWeek.valueOf(parts[0].toUpperCase(Locale.ROOT)),
                java.time.LocalTime.parse(parts[1]),
                java.time.ZoneId.of(parts[2]),
                java.time.Duration.ofMinutes(Long.parseLong(get(Setting.WEEKLY_CUTOFF))));
    }

    /** The organisation's name, or null when the contract gives none. */
    public String organisation() {
        String o = get(Setting.ORGANISATION);
        return o.isEmpty() ? null : o;
    }

    /** A duration setting (K1 or K5 target, cut-off). */
    public java.time.Duration minutes(Setting s) {
        return java.time.Duration.ofMinutes(Long.parseLong(get(s)));
    }

    /** A percentage or amount setting. */
    public java.math.BigDecimal decimal(Setting s) {
        return new java.math.BigDecimal(get(s));
    }

    /** How approvals are given: by trailer (key-less approvers) or only by signed commits. */
    public enum ApprovalMode {
        TRAILER,
        SIGNED
    }

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

    /** How entries and owned paths are bound to who committed them (docs/governance.md, "Identity"). */
    public enum IdentityMode {
        OFF,
        AUTHOR,
        SIGNED
    }

    public IdentityMode entryIdentity() {
        return IdentityMode.valueOf(get(Setting.ENTRY_IDENTITY).toUpperCase(Locale.ROOT));
    }

    /** True when new entries go to the inbox, folded into the log by the bot. */
    public boolean entryInbox() {
        return get(Setting.ENTRY_INBOX).equals("on");
    }

    /**
     * How much older than the entry before it an entry may be: the fold window when the inbox is on
     * (entries reach the log in the order their branches were folded), else none.
     */
    public java.time.Duration foldWindow() {
        return entryInbox()
                ? java.time.Duration.ofMinutes(Long.parseLong(get(Setting.FOLD_WINDOW)))
                : java.time.Duration.ZERO;
    }

    public ApprovalMode approvals() {
        return get(Setting.APPROVALS).equals("signed") ? ApprovalMode.SIGNED : ApprovalMode.TRAILER;
    }
}
