package dev.atomizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.Atomizer.LintResult;
import dev.atomizer.api.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled sample repository is the README's main job: it must lint clean against its own contract. */
class SampleRepoTest {

    static final Path SAMPLE = Path.of("../sample-repo").toAbsolutePath().normalize();

    @Test
    void sampleRepositoryLintsClean() throws Exception {
        Workspace ws = Workspace.discover(SAMPLE);
        assertThat(ws.root()).isEqualTo(SAMPLE);
        Atomizer atomizer = Atomizer.open(ws, Map.of(), SAMPLE);
        assertThat(atomizer.contract().source()).isEqualTo("shared/data-contracts/schemas.md");
        assertThat(atomizer.contract().agents()).hasSize(8);
        assertThat(atomizer.status().slugs()).hasSizeGreaterThanOrEqualTo(3);
        LintResult r = atomizer.lint(List.of(ws.log()));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.summary().entries()).isGreaterThanOrEqualTo(300);
    }
}
