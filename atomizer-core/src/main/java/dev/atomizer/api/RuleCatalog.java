package dev.atomizer.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Every rule, found as the services of {@link Rule} that the rule classes register, in catalog
 * order: by group ({@link RuleInfo#GROUPS}), then by ID. The catalog holds no rule of its own.
 */
public final class RuleCatalog {

    /** Not a catalog rule: problems in schemas.md, PROJECT_STATUS.md or the options (exit code 2). */
    public static final String CONFIG = "config";

    private RuleCatalog() {}

    /** Loaded once, on first use. */
    private static final class Loaded {
        static final List<Rule> RULES;
        static final Map<String, RuleInfo> INFOS;
        static final Map<String, Severity> DEFAULTS;
        static final Map<Class<?>, List<Rule>> BY_KIND = new java.util.concurrent.ConcurrentHashMap<>();

        static {
            List<Rule> rules = new ArrayList<>();
            for (Rule r : ServiceLoader.load(Rule.class, Rule.class.getClassLoader())) {
                rules.add(r);
            }
            rules.sort(Comparator.comparingInt(
                            (Rule r) -> RuleInfo.GROUPS.indexOf(r.info().group()))
                    .thenComparing(r -> r.info().id()));
            Map<String, RuleInfo> infos = new LinkedHashMap<>();
            Map<String, Severity> defaults = new LinkedHashMap<>();
            for (Rule r : rules) {
                RuleInfo info = r.info();
                if (infos.put(info.id(), info) != null || CONFIG.equals(info.id())) {
                    throw new IllegalStateException("two rules share the ID " + info.id());
                }
                defaults.put(info.id(), info.severity());
            }
            RULES = List.copyOf(rules);
            INFOS = Collections.unmodifiableMap(infos);
            DEFAULTS = Collections.unmodifiableMap(defaults);
        }
    }

    /** Every rule's metadata, in catalog order. */
    public static List<RuleInfo> all() {
        return List.copyOf(Loaded.INFOS.values());
    }

    /** The rules of one kind ({@code EntryRule}, {@code ChangeRule}), in catalog order. */
    public static <T extends Rule> List<T> rules(Class<T> kind) {
        // asked for each change a commit makes: filtered once per kind
        @SuppressWarnings("unchecked") // the list holds only instances of kind: filtered below, by kind.isInstance
        List<T> cached = (List<T>) Loaded.BY_KIND.computeIfAbsent(kind, k -> {
            List<Rule> out = new ArrayList<>();
            for (Rule r : Loaded.RULES) {
                if (k.isInstance(r)) {
                    out.add(r);
                }
            }
            return List.copyOf(out);
        });
        return cached;
    }

    /** Every rule ID in catalog order, with its default severity. */
    public static Map<String, Severity> defaults() {
        return Loaded.DEFAULTS;
    }

    public static boolean exists(String id) {
        return Loaded.INFOS.containsKey(id);
    }

    /** The rule's metadata, or null for an ID outside the catalog (such as {@link #CONFIG}). */
    public static @Nullable RuleInfo info(String id) {
        return Loaded.INFOS.get(id);
    }
}
