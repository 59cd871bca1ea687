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
        String contents = readme.lines().filter(l -> l.startsWith("**Contents:**")).findFirst().orElseThrow();
        List<String> listed = new ArrayList<>();
        Matcher m = Pattern.compile("\\[([^\\]]+)\\]\\(#([^)]+)\\)").matcher(contents);
        while (m.find()) {
            listed.add(m.group(1));
            // GitHub's anchor: lowercase, punctuation dropped, spaces as hyphens
            String title = sections.stream().filter(s -> s.equals(m.group(1))).findFirst().orElse(m.group(1));
            assertThat(m.group(2)).isEqualTo(title.toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
        }
        assertThat(listed).containsExactlyElementsOf(sections);
    }
}
