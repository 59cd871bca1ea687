package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Governed-path globs: segments, any character, exact case; the fold of names. */
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

    /** Governed paths match exactly, as git compares paths: a case or Unicode variant is another path. */
    @Test
    void matchingIsExactAsGitCompares() {
        assertThat(new PathGlob("context-docs/**").matches("Context-Docs/00-mission.md"))
                .isFalse();
        assertThat(new PathGlob("shared/project_log.md").matches("SHARED/Project_Log.md"))
                .isFalse();
        assertThat(new PathGlob("shared/project_log.md").matches("\u017fhared/project_log.md"))
                .isFalse();
        assertThat(new PathGlob("**/SOUL.md").matches("agents/soul.md")).isFalse();
        assertThat(new PathGlob("shared/project_log.md").matches("shared/project_log.md"))
                .isTrue();
    }

    /** ...but a file system that folds names takes the variants for the governed path: the fold says which. */
    @Test
    void variantsFoldOntoTheGovernedPath() {
        PathGlob log = new PathGlob("shared/project_log.md");
        assertThat(log.matchesFolded("SHARED/Project_Log.md")).isTrue();
        assertThat(log.matchesFolded("\u017fhared/project_log.md")).as("long s").isTrue();
        assertThat(log.matchesFolded("shared/project_log.md")).isTrue();
        assertThat(log.matchesFolded("shared/project-log.md")).isFalse();
        assertThat(new PathGlob("context-docs/**").matchesFolded("Context-Docs/00-mission.md"))
                .isTrue();
        assertThat(new PathGlob("context-docs/**").matchesFolded("context-docs-2/a.md"))
                .isFalse();
        assertThat(new PathGlob("**/SOUL.md").matchesFolded("agents/soul.md")).isTrue();
        // the Kelvin sign is K (NFD), and K is k
        assertThat(new PathGlob("**/knowledge-base/**").matchesFolded("\u212Anowledge-base/a.md"))
                .isTrue();
        assertThat(new PathGlob("**/knowledge-base/**").matchesFolded("KNOWLEDGE-BASE/a.md"))
                .isTrue();
        // a precomposed é and e with a combining accent are one name on APFS
        assertThat(new PathGlob("context-docs/r\u00e9sum\u00e9.md").matchesFolded("context-docs/re\u0301sume\u0301.md"))
                .isTrue();
        assertThat(new PathGlob("context-docs/re\u0301sume\u0301.md").matchesFolded("Context-Docs/R\u00c9SUM\u00c9.md"))
                .isTrue();
        assertThat(new PathGlob("context-docs/?.md").matchesFolded("context-docs/e\u0301.md"))
                .as("? is one character with its accents")
                .isTrue();
        // the dotless i is i upper-cased (NTFS); I with a dot above is no i on either system
        assertThat(new PathGlob("shared/kpi/metrics.md").matchesFolded("shared/kpi/metr\u0131cs.md"))
                .isTrue();
        assertThat(new PathGlob("shared/kpi/metrics.md").matchesFolded("shared/kpi/metr\u0130cs.md"))
                .isFalse();
        assertThat(new PathGlob("shared/kpi/metr\u0130cs.md").matchesFolded("shared/kpi/metri\u0307cs.md"))
                .isTrue();
    }

    @Test
    void theFold() {
        assertThat(PathGlob.fold("\u017fhared/Project_Log.md")).isEqualTo("shared/project_log.md");
        assertThat(PathGlob.fold("\u212A")).isEqualTo("k");
        assertThat(PathGlob.fold("K")).isEqualTo(PathGlob.fold("k"));
        assertThat(PathGlob.fold("\u00e9")).isEqualTo(PathGlob.fold("e\u0301")).isEqualTo(PathGlob.fold("\u00c9"));
        assertThat(PathGlob.fold("\u0130")).isEqualTo("i\u0307").isNotEqualTo(PathGlob.fold("i"));
        assertThat(PathGlob.fold("stra\u00dfe")).isEqualTo(PathGlob.fold("STRASSE"));
        assertThat(PathGlob.fold("a/b")).isEqualTo("a/b");
    }
}
