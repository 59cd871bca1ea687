package dev.atomizer.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomizer.api.AtomizerException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsTest {

    @Test
    void everyNamedFormatIsCreatedAndTheListMatches() throws Exception {
        assertThat(String.join(", ", Formats.NAMES)).isEqualTo(Formats.LIST);
        assertThat(Formats.NAMES).containsExactly("text", "json", "sarif", "github", "markdown");
        for (String name : Formats.NAMES) {
            assertThat(Formats.create(name, new ByteArrayOutputStream())).isNotNull();
        }
        assertThat(Formats.create("github", new ByteArrayOutputStream())).isInstanceOf(GithubFormatter.class);
        assertThat(Formats.create("sarif", new ByteArrayOutputStream())).isInstanceOf(SarifFormatter.class);
        assertThat(Formats.create("markdown", new ByteArrayOutputStream())).isInstanceOf(MarkdownFormatter.class);
    }

    @Test
    void anUnknownFormatIsOneLineListingTheFormats() {
        assertThatThrownBy(() -> Formats.create("xml", new ByteArrayOutputStream()))
                .isInstanceOf(AtomizerException.class)
                .hasMessage("unknown format 'xml'; use one of text, json, sarif, github, markdown");
        assertThatThrownBy(() -> Formats.check("SARIF")).isInstanceOf(AtomizerException.class);
    }

    @Test
    void ciFormatsUseTheRepositoryRoot(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path sub = Files.createDirectories(dir.resolve("status/shared"));
        assertThat(Formats.repositoryRoot(sub)).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(Formats.repositoryPaths("github")).isTrue();
        assertThat(Formats.repositoryPaths("sarif")).isTrue();
        assertThat(Formats.repositoryPaths("markdown")).isTrue();
        assertThat(Formats.repositoryPaths("text")).isFalse();
        assertThat(Formats.repositoryPaths("json")).isFalse();
    }

    @Test
    void theToolKnowsItsVersion() {
        assertThat(ToolInfo.version()).isNotBlank().doesNotContain("${");
    }
}
