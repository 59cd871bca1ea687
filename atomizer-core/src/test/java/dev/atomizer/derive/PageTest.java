package dev.atomizer.derive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A page's headings are unique (markdownlint MD024, distinct anchors), whatever the data names them. */
class PageTest {

    @Test
    void aRepeatedHeadingIsNumbered() {
        Page p = new Page("<!-- banner -->");
        p.h1("Title")
                .h2("Studies")
                .h3("study-a (alpha)")
                .h3("study-a (alpha)")
                .h3("study-a (alpha)")
                .h2("Studies");
        assertThat(p.text())
                .contains(
                        "### study-a (alpha)\n",
                        "### study-a (alpha) (2)\n",
                        "### study-a (alpha) (3)\n",
                        "## Studies (2)\n");
    }
}
