package dev.atomizer.api;

/**
 * A rule of the catalog. Each rule is one class that carries its own metadata ({@link RuleInfo})
 * and registers itself as a service of this interface ({@code @AutoService(Rule.class)}): the
 * catalog, the severities, SARIF's rule descriptors and the reference tables of the documentation
 * are all read from it. Adding a rule is adding its class and its fixture folder.
 */
public interface Rule {

    /** What the rule is, with its stable ID and default severity. */
    RuleInfo info();
}
