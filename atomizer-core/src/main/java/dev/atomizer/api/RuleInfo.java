package dev.atomizer.api;

import java.util.List;
import java.util.Locale;

/**
 * A rule's metadata: its stable ID (it appears in every output and is what users configure), its
 * default severity, its tags (the first is its group: {@code heading}, {@code fields},
 * {@code metrics} and {@code file} for the log contract; {@code change} for the governance rules,
 * whose further tags name the commands that check them), when it fires, how to fix a finding, and
 * what it protects (why the rule is there: docs/when-atomizer-says-no.md says it beside the fix).
 * The texts are one markdown line each: the reference tables print them as written.
 */
public record RuleInfo(String id, Severity severity, List<String> tags, String fires, String fix, String protects) {

    /** The log contract's groups and the governance group, in catalog order. */
    public static final List<String> GROUPS = List.of("heading", "fields", "metrics", "file", "change");

    public RuleInfo {
        tags = List.copyOf(tags);
        if (!id.matches("[a-z]+(-[a-z]+)*")) {
            throw new IllegalArgumentException("a rule ID is lowercase kebab-case: " + id);
        }
        if (tags.isEmpty() || !GROUPS.contains(tags.get(0))) {
            throw new IllegalArgumentException(id + ": the first tag is the rule's group, one of " + GROUPS);
        }
    }

    /** A rule with no texts yet: {@code RuleInfo.of("heading-format", Severity.ERROR, "heading").fires(…).fix(…)}. */
    public static RuleInfo of(String id, Severity severity, String... tags) {
        return new RuleInfo(id, severity, List.of(tags), "", "", "");
    }

    public RuleInfo fires(String text) {
        return new RuleInfo(id, severity, tags, text, fix, protects);
    }

    public RuleInfo fix(String text) {
        return new RuleInfo(id, severity, tags, fires, text, protects);
    }

    /** What the rule keeps true for the people and tools that read the repository. */
    public RuleInfo protects(String text) {
        return new RuleInfo(id, severity, tags, fires, fix, text);
    }

    /** The rule's group: its first tag. */
    public String group() {
        return tags.get(0);
    }

    /** True for the rules over a change (git), false for the log contract's. */
    public boolean governance() {
        return "change".equals(group());
    }

    /** The ID in PascalCase ({@code heading-format} → {@code HeadingFormat}), SARIF's {@code name}. */
    public String name() {
        StringBuilder b = new StringBuilder(id.length());
        for (String part : id.split("-")) {
            b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return b.toString();
    }
}
