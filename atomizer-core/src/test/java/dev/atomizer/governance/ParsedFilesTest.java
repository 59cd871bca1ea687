package dev.atomizer.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Workspace;
import dev.atomizer.contract.Contract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParsedFilesTest {

    private static final String CONTRACT = "## Agents\n\n| Agent | Role |\n|---|---|\n| `manager` | Runs |\n";

    @Test
    void aParseIsReusedOnlyForIdenticalBytes(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve(Workspace.CONTRACT).getParent());
        Files.writeString(root.resolve(Workspace.CONTRACT), CONTRACT);
        ParsedFiles.parseAhead(root);
        Contract ahead = ParsedFiles.contract(CONTRACT.getBytes(StandardCharsets.UTF_8));
        assertThat(ParsedFiles.contract(CONTRACT.getBytes(StandardCharsets.UTF_8)))
                .isSameAs(ahead);
        Contract staged =
                ParsedFiles.contract((CONTRACT + "| `auditor` | Checks |\n").getBytes(StandardCharsets.UTF_8));
        assertThat(staged).isNotSameAs(ahead);
        assertThat(staged.agents()).containsExactly("manager", "auditor");
        assertThat(ahead.agents()).containsExactly("manager");
    }

    @Test
    void aMalformedWorkingTreeContractIsLeftForTheRealReadToReport(@TempDir Path root) throws Exception {
        String bad = "## Governed paths\n\n| Path | Policy |\n|---|---|\n| `x/**` | sometimes |\n";
        Files.createDirectories(root.resolve(Workspace.CONTRACT).getParent());
        Files.writeString(root.resolve(Workspace.CONTRACT), bad);
        ParsedFiles.parseAhead(root);
        assertThatThrownBy(() -> ParsedFiles.contract(bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AtomizerException.class);
        assertThat(ParsedFiles.status(null).slugs()).isNull();
    }
}
