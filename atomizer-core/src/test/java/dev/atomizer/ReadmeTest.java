package dev.atomizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The README as a reader sees it rendered: its contents line lists exactly its sections, with
 * anchors that resolve; so an excerpt of a generated page that escapes its code fence (and renders
 * as sections of the README) fails the build.
 */
class ReadmeTest {

    @Test
    void theContentsListEverySectionAndNothingElse() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        List<String> sections = new ArrayList<>();
        Parser.builder().build().parse(readme).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() == 2) {
                    StringBuilder sb = new StringBuilder();
                    for (Node n = heading.getFirstChild(); n != null; n = n.getNext()) {
                        sb.append(n instanceof Text t ? t.getLiteral() : n instanceof Code c ? c.getLiteral() : "");
                    }
                    sections.add(sb.toString());
                }
            }
        });
        String contents = readme.lines()
                .filter(l -> l.startsWith("**Contents:**"))
                .findFirst()
                .orElseThrow();
        List<String> listed = new ArrayList<>();
        Matcher m = Pattern.compile("\\[([^\\]]+)\\]\\(#([^)]+)\\)").matcher(contents);
        while (m.find()) {
            listed.add(m.group(1));
            // GitHub's anchor: lowercase, punctuation dropped, spaces as hyphens
            String title = sections.stream()
                    .filter(s -> s.equals(m.group(1)))
                    .findFirst()
                    .orElse(m.group(1));
            assertThat(m.group(2))
                    .isEqualTo(title.toLowerCase(java.util.Locale.ROOT)
                            .replaceAll("[^a-z0-9 _-]", "")
                            .replace(' ', '-'));
        }
        assertThat(listed).containsExactlyElementsOf(sections);
    }
    /** The sample file a README excerpt names in the lines before its fence. */
    static final java.util.Map<String, String> EXCERPTS = java.util.Map.of(
            "`exec-summary.md`", "shared/dashboards/exec-summary.md",
            "`technical.md`", "shared/dashboards/technical.md",
            "`operations.md`", "shared/dashboards/operations.md",
            "`kpi/metrics.md`", "shared/kpi/metrics.md",
            "`shared/reports/weekly/2026-W11-report.md`", "shared/reports/weekly/2026-W11-report.md");

    /**
     * Every excerpt of a generated file of sample-repo is that file's lines, in order (lines may be
     * left out, none changed): when the generator changes, the README's picture of it cannot drift.
     */
    @Test
    void excerptsOfTheSamplesGeneratedFilesAreTheirLines() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("../README.md"));
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("```markdown")) {
                continue;
            }
            String before = String.join("\n", lines.subList(Math.max(0, i - 3), i));
            String file = null;
            for (java.util.Map.Entry<String, String> e : EXCERPTS.entrySet()) {
                if (before.contains(e.getKey())) {
                    file = e.getValue();
                }
            }
            if (file == null) {
                continue;
            }
            List<String> actual = Files.readAllLines(Path.of("../sample-repo").resolve(file));
            int at = 0;
            for (int j = i + 1; !lines.get(j).equals("```"); j++) {
                String line = lines.get(j);
                if (line.isBlank()) {
                    continue;
                }
                int found = -1;
                for (int k = at; k < actual.size(); k++) {
                    if (actual.get(k).equals(line)) {
                        found = k;
                        break;
                    }
                }
                assertThat(found)
                        .as("README line " + (j + 1) + " is not a line of sample-repo/" + file + " (after its line "
                                + at + "): " + line)
                        .isGreaterThanOrEqualTo(0);
                at = found + 1;
            }
            checked++;
        }
        assertThat(checked).isEqualTo(EXCERPTS.size());
    }
    /**
     * A rule ID the README names (in code, outside code blocks) links to its section of
     * docs/when-atomizer-says-no.md, where its repair path is; the IDs that also name a policy
     * (`append-only`, `write-once`, `no-delete`) may stand alone where they name the policy.
     */
    @Test
    void ruleIdsOfTheReadmeLinkToTheirWayToGreen() throws Exception {
        String readme = Files.readString(Path.of("../README.md")).replaceAll("(?s)```.*?```", "");
        java.util.Set<String> policies = new java.util.HashSet<>();
        for (dev.atomizer.contract.Policy p : dev.atomizer.contract.Policy.values()) {
            policies.add(p.label());
        }
        Matcher m = Pattern.compile("(\\[?)`([a-z]+(?:-[a-z]+)*)`(\\]\\(([^)]*)\\))?")
                .matcher(readme);
        int linked = 0;
        while (m.find()) {
            String id = m.group(2);
            if (!dev.atomizer.api.RuleCatalog.exists(id)) {
                continue;
            }
            if (m.group(3) == null) {
                assertThat(policies)
                        .as("the README names the rule `" + id + "` without a link")
                        .contains(id);
                continue;
            }
            assertThat(m.group(4)).isEqualTo("docs/when-atomizer-says-no.md#" + id);
            linked++;
        }
        assertThat(linked).isGreaterThan(20);
    }

    /** GitHub's anchors of a markdown file's headings: lowercase, punctuation dropped, spaces as hyphens. */
    static java.util.Set<String> anchors(Path file) throws Exception {
        java.util.Set<String> out = new java.util.HashSet<>();
        Parser.builder().build().parse(Files.readString(file)).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                out.add(dev.atomizer.md.MarkdownTables.plainText(heading)
                        .toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'));
            }
        });
        return out;
    }

    /** Every relative link of the README and of docs/ names a file that exists, and a heading of it. */
    @Test
    void relativeLinksOfTheReadmeAndDocsResolve() throws Exception {
        List<Path> docs = new ArrayList<>();
        docs.add(Path.of("../README.md"));
        try (var s = Files.list(Path.of("../docs"))) {
            s.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        int checked = 0;
        for (Path doc : docs) {
            String text = Files.readString(doc).replaceAll("(?s)```.*?```", "");
            Matcher m = link.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved =
                        file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                assertThat(resolved).as(doc + " links to " + target).exists();
                if (hash >= 0) {
                    assertThat(anchors(resolved))
                            .as(doc + " links to " + target)
                            .contains(target.substring(hash + 1));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }
}
