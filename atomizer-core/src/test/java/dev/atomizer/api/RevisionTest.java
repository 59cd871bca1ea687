package dev.atomizer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionTest {

    static final String W50 = "shared/reports/weekly/2026-W50-report.md";

    @Test
    void aRevisionIsNamedBesideTheReportWithRnBeforeTheExtension() {
        assertThat(Revision.path(W50, 1)).isEqualTo(W50);
        assertThat(Revision.path(W50, 2)).isEqualTo("shared/reports/weekly/2026-W50-report.r2.md");
        assertThat(new Revision(W50, 12).path()).isEqualTo("shared/reports/weekly/2026-W50-report.r12.md");
        assertThat(new Revision(W50, 2).supersedes()).isEqualTo(W50);
        assertThat(new Revision(W50, 3).supersedes()).isEqualTo("shared/reports/weekly/2026-W50-report.r2.md");
        assertThat(Revision.parse("shared/reports/weekly/2026-W50-report.r3.pdf"))
                .isEqualTo(new Revision("shared/reports/weekly/2026-W50-report.pdf", 3));
        assertThat(Revision.parse("shared/reports/weekly/2026-W50-report.r2.md"))
                .isEqualTo(new Revision(W50, 2));
    }

    @Test
    void onlyRevisionsFromTwoOnWithoutLeadingZerosAreRevisions() {
        assertThat(Revision.parse(W50)).isNull();
        assertThat(Revision.parse("shared/reports/weekly/2026-W50-report.r1.md"))
                .isNull();
        assertThat(Revision.parse("shared/reports/weekly/2026-W50-report.r02.md"))
                .isNull();
        assertThat(Revision.parse("shared/reports/weekly/.r2.md")).isNull();
        assertThat(Revision.parse("shared/reports/weekly/notes.r2")).isNull();
        assertThat(Revision.parse(null)).isNull();
    }

    @Test
    void theLatestRevisionIsTheLastOfAnUnbrokenChain() throws Exception {
        Set<String> files = Set.of(W50, Revision.path(W50, 2), Revision.path(W50, 3), Revision.path(W50, 5));
        assertThat(Revision.latest(W50, files::contains)).isEqualTo(3);
        assertThat(Revision.latest("shared/reports/weekly/2026-W49-report.md", files::contains))
                .isZero();
    }

    @Test
    void theCommandThatRevisesAReportIsNamedFromItsPath() {
        assertThat(Revision.reviseCommand("shared/reports/weekly/2026-W50-report.r2.md"))
                .isEqualTo("atomizer report weekly --week 2026-W50 --revise --reason \"…\"");
        assertThat(Revision.reviseCommand("shared/reports/project/pump-housing-closeout.md"))
                .isEqualTo("atomizer report closeout pump-housing --revise --reason \"…\"");
        assertThat(Revision.reviseCommand("shared/reports/old/2026-W08-report.md"))
                .isNull();
    }
}
