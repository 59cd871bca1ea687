package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Governed-path globs: segments, any character, any case. */
class PathGlobTest {

    @Test
    void starsStayInASegmentAndDoubleStarsCrossThem() {
        assertThat(new PathGlob("shared/dashboards/*.md").matches("shared/dashboards/exec.md"))
                .isTrue();
        assertThat(new PathGlob("shared/dashboards/*.md").matches("shared/dashboards/old/exec.md"))
                .isFalse();
        assertThat(new PathGlob("**/knowledge-base/**").matches("knowledge-base/a.md"))
                .isTrue();
        assertThat(new PathGlob("**/knowledge-base/**").matches("team/knowledge-base/x/a.md"))
                .isTrue();
        assertThat(new PathGlob("context-docs/?.md").matches("context-docs/a.md"))
                .isTrue();
        assertThat(new PathGlob("context-docs/?.md").matches("context-docs/ab.md"))
                .isFalse();
    }

    @Test
    void anyCharacterOfAPathMatchesALineBreakToo() {
        assertThat(new PathGlob("context-docs/**").matches("context-docs/a\nb.md"))
                .isTrue();
        assertThat(new PathGlob("context-docs/*").matches("context-docs/a\nb.md"))
                .isTrue();
        assertThat(new PathGlob("**/SOUL.md").matches("agents/x\n/SOUL.md")).isTrue();
    }

    @Test
    void aCaseVariantIsTheSameFile() {
        assertThat(new PathGlob("context-docs/**").matches("Context-Docs/00-mission.md"))
                .isTrue();
        assertThat(new PathGlob("shared/project_log.md").matches("SHARED/Project_Log.md"))
                .isTrue();
        assertThat(new PathGlob("**/SOUL.md").matches("agents/soul.md")).isTrue();
        assertThat(new PathGlob("context-docs/**").matches("context-docs-2/a.md"))
                .isFalse();
    }
}
