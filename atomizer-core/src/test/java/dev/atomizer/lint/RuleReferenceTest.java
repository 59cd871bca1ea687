package dev.atomizer.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rule catalog users read (docs/reference.md) is the one the code has: every rule ID with its
 * default severity, in the catalog's order, and nothing else.
 */
class RuleReferenceTest {

    @Test
    void theReferenceTableListsEveryRuleWithItsDefault() throws Exception {
        Map<String, Severity> documented = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| (error|warning|off) \\|")
                .matcher(Files.readString(Path.of("../docs/reference.md")));
        while (m.find()) {
            documented.put(m.group(1), Severity.parse(m.group(2)));
        }
        assertThat(documented).containsExactlyEntriesOf(RuleCatalog.defaults());
    }
}
