package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on random input: whatever bytes the log, the contract or the project status
 * holds, {@code atomizer lint} ends with exit code 0, 1 or 2 and never prints a stack trace or an
 * internal error. Fixed seeds, so a failure reproduces.
 */
class RandomInputCliTest {

    private static final int CASES = 50;

    private static final String VALID_LOG = """
            # Project Log

            ## [2026-01-05 09:00] researcher | wing-opt | study-start

            **Status:** in-progress
            **Summary:** Started the wing optimization study.

            ---

            ## [2026-01-05 10:30] researcher | wing-opt | study-iteration

            **Status:** completed
            **Summary:** Iteration 1 done.
            **Metrics:** iteration=1, objective=0.42

            ---
            """;

    private static final List<String> MARKDOWN_TOKENS = List.of(
            "## ",
            "## [2026-01-01 00:00] a | b | c\n",
            "**Status:** ",
            "**Summary:** ",
            "**Detail:** ",
            "**Metrics:** ",
            "a=1, ",
            "**Blockers:** ",
            "blocked",
            "---",
            "\n",
            "\r\n",
            "\r",
            "\n\n",
            "```",
            "~~~",
            "    ",
            "- ",
            "> ",
            "<!--",
            "-->",
            "|",
            " | ",
            "[",
            "]",
            ":",
            "*",
            "#",
            "`",
            "## Event types\n",
            "## Status values\n",
            "## Fields\n",
            "## Agents\n",
            "## Approvers\n",
            "## Governed paths\n",
            "## Rules\n",
            "## Projects\n",
            "\n| Type | Meaning | Required metrics |\n|---|---|---|\n",
            "\n| Rule | Severity |\n|---|---|\n",
            "\n| Path | Policy | Meaning |\n|---|---|---|\n",
            "\n| Agent | Role |\n|---|---|\n",
            "\n| Field | Meaning |\n|---|---|\n",
            "\n| Status | Meaning |\n|---|---|\n",
            "\n| Slug | Name |\n|---|---|\n",
            "| study-iteration | x | iteration, objective |\n",
            "| heading-format | off |\n",
            "| encoding | loud |\n",
            "| nope | error |\n",
            "| context-docs/** | immutable | x |\n",
            "| /abs | generated | x |\n",
            "| tech-lead | lead |\n",
            "| Bad Id | x |\n",
            "| Status | s |\n",
            "| my-project | Name |\n",
            "| My Project | N |\n",
            "| `` | |\n",
            "||\n",
            "é",
            "\uD83D\uDE00",
            "\u0000",
            "\uFEFF");

    private static final String VALID_CONTRACT = """
            # Data Contracts

            ## Event types

            | Type | Meaning | Required metrics |
            |------|---------|------------------|
            | `study-start` | New study | |
            | `study-iteration` | Iteration done | `iteration, objective` |
            | `milestone` | Gate achieved | |

            ## Status values

            | Status | Meaning |
            |--------|---------|
            | `in-progress` | Going on |
            | `completed` | Done |
            | `blocked` | Waiting |

            ## Fields

            | Field | Meaning |
            |-------|---------|
            | Status | One of the status values |
            | Summary | One line |
            | Detail | Context |
            | Metrics | key=value pairs |
            | Blockers | What blocks |

            ## Agents

            | Agent | Role |
            |-------|------|
            | `researcher` | Runs studies |
            | `manager` | Orchestrates |

            ## Approvers

            | Approver | Role |
            |----------|------|
            | `mario` | Infrastructure |

            ## Governed paths

            | Path | Policy | Meaning |
            |------|--------|---------|
            | `context-docs/**` | immutable | Foundations |
            | `shared/project_log.md` | append-only | The log |

            ## Rules

            | Rule | Severity |
            |------|----------|
            | `summary-too-long` | warning |
            | `field-order` | off |
            """;

    private static final String VALID_STATUS = """
            # Project Status

            ## Projects

            | Slug | Name | RAG |
            |------|------|-----|
            | wing-opt | Wing optimization | green |
            | `bracket` | Bracket | amber |
            """;

    /**
     * Content for schemas.md or PROJECT_STATUS.md: like {@link #randomContent}, or (more often)
     * the valid {@code base} damaged line by line, so the reader gets past the encoding and deep
     * into the tables.
     */
    static byte[] randomConfig(Random r, String base) {
        if (r.nextInt(10) < 4) {
            return randomContent(r);
        }
        List<String> lines = new java.util.ArrayList<>(base.lines().toList());
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n && !lines.isEmpty(); i++) {
            int at = r.nextInt(lines.size());
            switch (r.nextInt(5)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(r.nextInt(lines.size())));
                case 2 -> java.util.Collections.swap(lines, at, r.nextInt(lines.size()));
                case 3 ->
                    lines.add(
                            at,
                            MARKDOWN_TOKENS
                                    .get(r.nextInt(MARKDOWN_TOKENS.size()))
                                    .strip());
                default -> {
                    String l = lines.get(at);
                    if (!l.isEmpty()) {
                        int c = r.nextInt(l.length());
                        String with = MARKDOWN_TOKENS.get(r.nextInt(MARKDOWN_TOKENS.size()));
                        lines.set(at, l.substring(0, c) + with + l.substring(c + 1));
                    }
                }
            }
        }
        return (String.join(r.nextBoolean() ? "\n" : "\r\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Raw bytes, markdown-ish bytes, or log- and contract-shaped tokens with some raw bytes among them. */
    static byte[] randomContent(Random r) {
        int kind = r.nextInt(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (kind) {
            case 0 -> {
                byte[] b = new byte[r.nextInt(4000)];
                r.nextBytes(b);
                out.writeBytes(b);
            }
            case 1 -> {
                String chars = "#*-`\n\r|[]: \t~>_=0123456789abcAZ";
                int n = r.nextInt(6000);
                for (int i = 0; i < n; i++) {
                    out.write(r.nextInt(5) == 0 ? r.nextInt(256) : chars.charAt(r.nextInt(chars.length())));
                }
            }
            default -> {
                int n = r.nextInt(400);
                for (int i = 0; i < n; i++) {
                    if (r.nextInt(40) == 0) {
                        out.write(0x80 + r.nextInt(128)); // a stray non-ASCII byte, often invalid UTF-8
                    } else {
                        out.writeBytes(MARKDOWN_TOKENS
                                .get(r.nextInt(MARKDOWN_TOKENS.size()))
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        byte[] b = out.toByteArray();
        if (r.nextInt(5) == 0) {
            byte[] withBom = new byte[b.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(b, 0, withBom, 3, b.length);
            return withBom;
        }
        return b;
    }

    private static CliRun run(Path cwd, String... args) {
        return CliRun.of(cwd, args);
    }

    private static void assertNoCrash(CliRun r, String what) {
        assertThat(r.code()).as("exit code for %s; stderr:%n%s", what, r.err()).isIn(0, 1, 2);
        assertThat(r.err())
                .as("stderr for %s", what)
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("internal error");
    }

    private static Path write(Path root, String rel, byte[] content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }

    @Test
    void randomLogBytes(@TempDir Path tmp) throws IOException {
        Random r = new Random(20260101L);
        for (int i = 0; i < CASES; i++) {
            Path dir = Files.createDirectory(tmp.resolve("log-" + i));
            byte[] content = randomContent(r);
            write(dir, "shared/project_log.md", content);
            String what = "random log #" + i + " (seed 20260101)";
            CliRun text = run(dir, "lint");
            assertNoCrash(text, what);
            // lint succeeded in reading the log: only 0 (clean) or 1 (violations) are possible
            assertThat(text.code())
                    .as("exit code for %s; stderr:%n%s", what, text.err())
                    .isIn(0, 1);
            CliRun json = run(dir, "lint", "--format", "json");
            assertNoCrash(json, what + " --format json");
            assertThat(json.code()).as("json and text agree for %s", what).isEqualTo(text.code());
            assertThat(json.out().strip())
                    .as("json output for %s", what)
                    .startsWith("{")
                    .endsWith("}");
        }
    }

    @Test
    void randomContractNextToAValidLog(@TempDir Path tmp) throws IOException {
        randomConfigNextToAValidLog(tmp, "shared/data-contracts/schemas.md", VALID_CONTRACT, 20260202L);
    }

    @Test
    void randomProjectStatusNextToAValidLog(@TempDir Path tmp) throws IOException {
        randomConfigNextToAValidLog(tmp, "shared/PROJECT_STATUS.md", VALID_STATUS, 20260303L);
    }

    /** {@code CASES} damaged copies of {@code valid} at {@code path}, each linted beside the valid log. */
    private static void randomConfigNextToAValidLog(Path tmp, String path, String valid, long seed) throws IOException {
        Random r = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            Path dir = Files.createDirectory(tmp.resolve("config-" + i));
            write(dir, "shared/project_log.md", VALID_LOG.getBytes(StandardCharsets.UTF_8));
            write(dir, path, randomConfig(r, valid));
            assertNoCrash(run(dir, "lint"), "random " + path + " #" + i + " (seed " + seed + ")");
        }
    }

    @Test
    void theUndamagedConfigurationIsAccepted(@TempDir Path tmp) throws IOException {
        write(tmp, "shared/project_log.md", VALID_LOG.getBytes(StandardCharsets.UTF_8));
        write(tmp, "shared/data-contracts/schemas.md", VALID_CONTRACT.getBytes(StandardCharsets.UTF_8));
        write(tmp, "shared/PROJECT_STATUS.md", VALID_STATUS.getBytes(StandardCharsets.UTF_8));
        CliRun run = run(tmp, "lint");
        assertThat(run.code())
                .as("stdout:%n%s%nstderr:%n%s", run.out(), run.err())
                .isZero();
    }

    @Test
    void theValidLogAloneIsClean(@TempDir Path tmp) throws IOException {
        write(tmp, "shared/project_log.md", VALID_LOG.getBytes(StandardCharsets.UTF_8));
        CliRun run = run(tmp, "lint");
        assertThat(run.code())
                .as("stdout:%n%s%nstderr:%n%s", run.out(), run.err())
                .isZero();
    }
}
