package dev.atomizer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log far larger than the launcher's heap share used to allow: 300,000 entries (about 70 MB,
 * {@code bench/GenerateLog.java}) through the real launcher ({@code hooks/atomizer}, heap 192 MB).
 * Before the log was folded as a stream, {@code dashboards} died here with an OutOfMemoryError; now
 * it writes the four derived files, as of the log's last entry.
 */
class BigLogIT {

    static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
    static final int ENTRIES = 300_000;

    @TempDir
    Path tmp;

    @Test
    void dashboardsOfA300kEntryLogRunInTheLaunchersHeap() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Path log = shared.resolve("project_log.md");
        run(tmp, List.of(java(), CHECKOUT.resolve("bench/GenerateLog.java").toString(), "" + ENTRIES, log.toString()));
        Files.copy(CHECKOUT.resolve("sample-repo/shared/PROJECT_STATUS.md"), shared.resolve("PROJECT_STATUS.md"));
        assertThat(Files.size(log)).isGreaterThan(60L << 20);

        Result r = run(tmp, List.of(CHECKOUT.resolve("hooks/atomizer").toString(), "dashboards"));

        assertThat(r.err()).doesNotContain("internal error").doesNotContain("OutOfMemoryError");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("4 derived files, 4 written");
        String summary = Files.readString(shared.resolve("dashboards/exec-summary.md"), StandardCharsets.UTF_8);
        assertThat(summary).contains("as of " + lastTimestamp(log) + ".");
        assertThat(Files.readString(shared.resolve("kpi/metrics.md"), StandardCharsets.UTF_8))
                .contains("K2 log compliance");
    }

    /** The timestamp of the log's last entry heading, read from its tail. */
    private static String lastTimestamp(Path log) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            byte[] tail = new byte[8192];
            f.seek(f.length() - tail.length);
            f.readFully(tail);
            Matcher m = Pattern.compile("(?m)^## \\[([0-9-]+ [0-9:]+)\\]")
                    .matcher(new String(tail, StandardCharsets.UTF_8));
            String last = null;
            while (m.find()) {
                last = m.group(1);
            }
            assertThat(last).as("an entry heading in the log's last 8 KB").isNotNull();
            return last;
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    record Result(int status, String err) {}

    private static Result run(Path dir, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("ATOMIZER_JAVA_OPTS");
        pb.environment()
                .put(
                        "ATOMIZER_JAR",
                        System.getProperty(
                                "atomizer.jar",
                                CHECKOUT.resolve("atomizer-cli/target/atomizer.jar")
                                        .toString()));
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.MINUTES)).as("finished: " + command).isTrue();
        return new Result(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }
}
