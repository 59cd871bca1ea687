package dev.atomizer.api;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The effective severity of every rule: catalog defaults, then schemas.md's Rules table, then command-line or POM overrides. */
public final class Severities {

    private final Map<String, Severity> overrides;

    private Severities(Map<String, Severity> overrides) {
        this.overrides = Collections.unmodifiableMap(new TreeMap<>(overrides));
    }

    public static Severities defaults() {
        return new Severities(Map.of());
    }

    /** Overrides keyed by rule ID; the caller has checked the IDs against {@link RuleCatalog}. */
    public static Severities of(Map<String, Severity> overrides) {
        return new Severities(overrides);
    }

    /** This configuration with {@code more} laid on top. */
    public Severities with(Map<String, Severity> more) {
        Map<String, Severity> m = new TreeMap<>(overrides);
        m.putAll(more);
        return new Severities(m);
    }

    /**
     * Checks severity overrides as a user wrote them ({@code rule-id -> off|warning|error});
     * {@code where} names the option in messages ({@code --rule}, {@code <rules>}).
     */
    public static Map<String, Severity> parseOverrides(Map<String, String> written, String where)
            throws dev.atomizer.api.AtomizerException {
        Map<String, Severity> out = new TreeMap<>();
        for (Map.Entry<String, String> e : written.entrySet()) {
            if (!RuleCatalog.exists(e.getKey())) {
                throw new dev.atomizer.api.AtomizerException(
                        "unknown rule '" + e.getKey() + "' in " + where + "; rule IDs: "
                                + String.join(", ", RuleCatalog.defaults().keySet()));
            }
            Severity s = Severity.parse(e.getValue());
            if (s == null) {
                throw new dev.atomizer.api.AtomizerException(
                        where + " " + e.getKey() + "=" + e.getValue() + ": the severity must be off, warning or error");
            }
            out.put(e.getKey(), s);
        }
        return out;
    }

    public Severity of(String rule) {
        Severity s = overrides.get(rule);
        if (s != null) {
            return s;
        }
        Severity d = RuleCatalog.defaults().get(rule);
        return d == null ? Severity.ERROR : d;
    }

    public Map<String, Severity> overrides() {
        return overrides;
    }
}
