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
            b.append("| `")
                    .append(r.id())
                    .append("` | ")
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
        Matcher m = Pattern.compile(
                        "(<!-- rules:" + name + " -->\n)(.*?)(<!-- /rules:" + name + " -->)", Pattern.DOTALL)
                .matcher(doc);
        assertThat(m.find())
                .as("docs/reference.md marks its " + name + " rule table")
                .isTrue();
        return doc.substring(0, m.end(1)) + "\n" + table + "\n" + doc.substring(m.start(3));
    }
}
