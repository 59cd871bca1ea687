package dev.atomizer.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The names a report template may use, and under which section: a template that names anything
 * else is refused before anything is written, so a typo never renders as an empty string.
 * A name is a value ({@code {{name}}}) or a list ({@code {{#name}}…{{/name}}}, whose items have
 * names of their own); as in Mustache, names of enclosing sections stay visible inside a list.
 */
public final class TemplateNames {

    private final Map<String, TemplateNames> names = new LinkedHashMap<>();
    private final boolean list;

    private TemplateNames(boolean list) {
        this.list = list;
    }

    /** The top level. */
    public static TemplateNames root() {
        return new TemplateNames(true);
    }

    /** Declares values. */
    public TemplateNames values(String... values) {
        for (String v : values) {
            names.put(v, new TemplateNames(false));
        }
        return this;
    }

    /** Declares a list (or a flag: a list of zero or one item) and returns it, to declare its items' names. */
    public TemplateNames list(String name) {
        TemplateNames l = new TemplateNames(true);
        names.put(name, l);
        return l;
    }

    /** Declares a list whose items have the given names and returns this level. */
    public TemplateNames list(String name, String... itemValues) {
        list(name).values(itemValues);
        return this;
    }

    /** The name's declaration at this level, or null. */
    TemplateNames get(String name) {
        return names.get(name);
    }

    boolean isList() {
        return list;
    }

    /** The names of this level, sorted (for messages). */
    String known() {
        return String.join(", ", new TreeSet<>(names.keySet()));
    }

    Map<String, TemplateNames> names() {
        return Collections.unmodifiableMap(names);
    }
}
