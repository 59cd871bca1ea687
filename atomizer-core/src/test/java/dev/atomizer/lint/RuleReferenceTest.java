package dev.atomizer.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.api.RuleCatalog;
import dev.atomizer.api.RuleInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rule tables users read (docs/reference.md) are made from the rules' own metadata: every rule
 * ID with its default severity and when it fires, in catalog order, and nothing else. After a
 * change to a rule, {@code mvn -pl atomizer-core test -Dtest=RuleReferenceTest -Datomizer.writeDocs}
 * writes the tables anew.
 */
class RuleReferenceTest {

    static final Path REFERENCE = Path.of("../docs/reference.md");
    static final Path REMEDIES = Path.of("../docs/when-atomizer-says-no.md");

    @Test
    void theReferenceTablesAreTheCatalogs() throws Exception {
        String doc = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        String made = withTable(withTable(doc, "log", table(false)), "governance", table(true));
        if (System.getProperty("atomizer.writeDocs") != null) {
            Files.writeString(REFERENCE, made, StandardCharsets.UTF_8);
        }
        assertThat(doc)
                .as("docs/reference.md's rule tables, made from the rules (write them with -Datomizer.writeDocs)")
                .isEqualTo(made);
    }

    /**
     * docs/when-atomizer-says-no.md, the page of repair paths, holds every rule of the catalog in
     * catalog order with what it protects, when it fires and how to get to green: the rules' own
     * texts, which the messages follow and the remedies' test follows in turn.
     */
    @Test
    void theRemediesPageIsTheCatalog() throws Exception {
        String doc = Files.readString(REMEDIES, StandardCharsets.UTF_8);
        String made = withBlock(withBlock(doc, "remedies:log", remedies(false)), "remedies:governance", remedies(true));
        if (System.getProperty("atomizer.writeDocs") != null) {
            Files.writeString(REMEDIES, made, StandardCharsets.UTF_8);
        }
        assertThat(doc)
                .as("docs/when-atomizer-says-no.md's rule sections, made from the rules (write them with"
                        + " -Datomizer.writeDocs)")
                .isEqualTo(made);
        for (RuleInfo r : RuleCatalog.all()) {
            assertThat(r.protects()).as(r.id() + " says what it protects").isNotBlank();
            assertThat(r.fix()).as(r.id() + " says how to get to green").isNotBlank();
        }
    }

    /** One section per rule of the log contract or of governance: its ID is the heading, so its anchor. */
    static String remedies(boolean governance) {
        StringBuilder b = new StringBuilder();
        for (RuleInfo r : RuleCatalog.all()) {
            if (r.governance() != governance) {
                continue;
            }
            b.append("### `").append(r.id()).append("`\n\n");
            b.append("**Protects:** ").append(r.protects()).append("\n\n");
            b.append("**Says no when:** ").append(r.fires());
            b.append(" (")
                    .append(
                            r.severity() == dev.atomizer.api.Severity.WARNING
                                    ? "a warning: shown, and the commit goes through"
                                    : r.severity().label());
            if (governance) {
                b.append("; checked by ")
                        .append(String.join(", ", r.tags().subList(1, r.tags().size())));
            }
            b.append(")\n\n");
            b.append("**To green:** ").append(r.fix()).append("\n\n");
        }
        return b.toString().stripTrailing() + "\n";
    }

    /** The table of the log contract's rules or of the governance rules. */
    static String table(boolean governance) {
        StringBuilder b = new StringBuilder(
                governance
                        ? "| rule | default | fires when | checked by |\n|---|---|---|---|\n"
                        : "| rule | default | fires when |\n|---|---|---|\n");
        for (RuleInfo r : RuleCatalog.all()) {
            if (r.governance() != governance) {
                continue;
            }
            b.append("| [`")
                    .append(r.id())
                    .append("`](when-atomizer-says-no.md#")
                    .append(r.id())
                    .append(") | ")
                    .append(r.severity().label())
                    .append(" | ")
                    .append(cell(r.fires()))
                    .append(" |");
            if (governance) {
                b.append(' ')
                        .append(String.join(", ", r.tags().subList(1, r.tags().size())))
                        .append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** {@code doc} with the table between {@code <!-- rules:NAME -->} and {@code <!-- /rules:NAME -->} replaced. */
    static String withTable(String doc, String name, String table) {
        return withBlock(doc, "rules:" + name, table);
    }

    /** {@code doc} with the text between {@code <!-- NAME -->} and {@code <!-- /NAME -->} replaced. */
    static String withBlock(String doc, String name, String text) {
        Matcher m = Pattern.compile(
                        "(<!-- " + Pattern.quote(name) + " -->\n)(.*?)(<!-- /" + Pattern.quote(name) + " -->)",
                        Pattern.DOTALL)
                .matcher(doc);
        assertThat(m.find()).as("the page marks its " + name + " block").isTrue();
        return doc.substring(0, m.end(1)) + "\n" + text + "\n" + doc.substring(m.start(3));
    }
}
