package dev.atomizer.maven;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.render.Formats;
import dev.atomizer.render.Formatter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that report diagnostics (lint, verify): the output format and where it goes. With the
 * default {@code text} and no output file, each diagnostic is one log line (Checkstyle's
 * convention); another format is printed on standard output as it is (GitHub reads workflow
 * commands only at the start of a line, so not through the log's {@code [INFO]} prefix), or
 * written to {@code output}, when set, in which case the log lines are kept as well.
 */
public abstract class AbstractReportMojo extends AbstractAtomizerMojo {

    /**
     * The output format: {@code text}, {@code json}, {@code sarif}, {@code github} (GitHub Actions
     * annotations) or {@code markdown}. github, sarif and markdown show paths relative to the git
     * repository root.
     */
    @Parameter(property = "atomizer.format", defaultValue = "text")
    protected String format;

    /**
     * A file to write the report to, e.g. {@code ${project.build.directory}/atomizer.sarif}; it is
     * replaced whole (written beside it, then renamed). Without it, formats other than text print
     * to standard output.
     */
    @Parameter(property = "atomizer.output")
    protected File output;

    /** The report of one run; diagnostics go to it as they arrive, and to the log when that is where they show. */
    protected final class Report implements AutoCloseable {
        private final Formatter formatter;
        private final OutputStream stream;
        private final Path temp;
        private final boolean logEach;
        private boolean done;

        private Report(Formatter formatter, OutputStream stream, Path temp, boolean logEach) {
            this.formatter = formatter;
            this.stream = stream;
            this.temp = temp;
            this.logEach = logEach;
        }

        public void diagnostic(Diagnostic d) throws IOException {
            if (logEach) {
                log(d);
            }
            if (formatter != null) {
                formatter.diagnostic(d);
            }
        }

        public void finish(FileSummary summary) throws AtomizerException {
            try {
                if (formatter != null) {
                    formatter.finish(summary);
                    stream.flush();
                }
                if (temp != null) {
                    stream.close();
                    Path target = output.toPath();
                    try {
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    getLog().info("Atomizer: " + format + " report written to " + target);
                }
                done = true;
            } catch (IOException e) {
                throw new AtomizerException(
                        "cannot write the report " + (output == null ? "" : output + " ") + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (temp != null && !done) {
                try {
                    stream.close();
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the half-written report is in a temporary file; the target was never touched
                }
            }
        }
    }

    /** Whether paths are shown relative to the git repository root rather than the project directory. */
    protected boolean repositoryPaths() throws AtomizerException {
        Formats.check(format);
        return Formats.repositoryPaths(format);
    }

    /**
     * Opens the report.
     *
     * @param root the directory the diagnostics' paths are relative to
     */
    protected Report openReport(Path root) throws AtomizerException {
        return openReport(root, null);
    }

    /**
     * Opens the report with a formatter of the goal's own for the chosen format (verify's Auditor
     * summary for markdown), or the format's usual one when {@code custom} is null.
     */
    protected Report openReport(Path root, java.util.function.Function<OutputStream, Formatter> custom)
            throws AtomizerException {
        Formats.check(format);
        boolean text = "text".equals(format);
        if (output == null) {
            if (text) {
                return new Report(null, null, null, true);
            }
            OutputStream console = new java.io.FilterOutputStream(System.out) {
                @Override
                public void close() throws IOException {
                    flush(); // never close the console
                }
            };
            return new Report(
                    custom != null ? custom.apply(console) : Formats.create(format, console, root),
                    console,
                    null,
                    false);
        }
        try {
            Path target = output.toPath().toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            OutputStream stream = new java.io.BufferedOutputStream(Files.newOutputStream(temp));
            return new Report(
                    custom != null ? custom.apply(stream) : Formats.create(format, stream, root), stream, temp, true);
        } catch (IOException e) {
            throw new AtomizerException("cannot write the report " + output + ": " + e.getMessage(), e);
        }
    }
}
