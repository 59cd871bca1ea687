package dev.atomizer.lint;

import dev.atomizer.api.Diagnostic;
import dev.atomizer.api.FileSummary;
import dev.atomizer.api.RuleCatalog;
import dev.atomizer.api.Severities;
import dev.atomizer.api.Severity;
import dev.atomizer.contract.Contract;
import dev.atomizer.log.Encoding;
import dev.atomizer.log.EncodingException;
import dev.atomizer.log.EntryHeader;
import dev.atomizer.log.LogParser;
import dev.atomizer.log.RawEntry;
import dev.atomizer.log.Utf8LineReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Checks a log against the contract, entry by entry as the parser streams them, handing each
 * diagnostic on as soon as its entry is done: memory stays flat and output is in file order.
 */
public final class Linter {

    private final Contract contract;
    private final @Nullable Set<String> projects;
    private final Severities severities;
    private final List<EntryRule> rules = new ArrayList<>();
    private final List<Severity> levels = new ArrayList<>();
    private final @Nullable LocalDateTime now;

    /**
     * A linter without a moment of checking: {@code timestamp-future} is silent (the derivations
     * lint this way, so that what they make depends on the log alone).
     *
     * @param projects the slugs PROJECT_STATUS.md lists, or null when it lists none
     */
    public Linter(Contract contract, @Nullable Set<String> projects, Severities severities) {
        this(contract, projects, severities, null);
    }

    /**
     * @param now the moment of checking in the contract's time zone ({@code timestamp-future}), or null
     */
    public Linter(
            Contract contract, @Nullable Set<String> projects, Severities severities, @Nullable LocalDateTime now) {
        this.contract = contract;
        this.projects = projects;
        this.severities = severities;
        this.now = now;
        for (EntryRule r : RuleCatalog.rules(EntryRule.class)) {
            Severity s = severities.of(r.id());
            if (s != Severity.OFF) {
                rules.add(r);
                levels.add(s);
            }
        }
    }

    /** Lints a whole log. */
    public FileSummary lint(String path, InputStream in, Consumer<Diagnostic> sink) throws IOException {
        return lint(path, in, null, sink);
    }

    /**
     * Lints log text, which may be the tail of a longer log: {@code previousTimestamp} is the
     * timestamp of the entry before it (null for none).
     */
    public FileSummary lint(String path, InputStream in, @Nullable String previousTimestamp, Consumer<Diagnostic> sink)
            throws IOException {
        return lint(path, in, previousTimestamp, 1, sink);
    }

    /** As above, for text that starts at line {@code firstLine} of the file (the appended tail of a staged log). */
    public FileSummary lint(
            String path, InputStream in, @Nullable String previousTimestamp, int firstLine, Consumer<Diagnostic> sink)
            throws IOException {
        Run run = new Run(path, sink, previousTimestamp);
        try (Utf8LineReader reader = new Utf8LineReader(in)) {
            LogParser.parse(reader, firstLine, run::entry);
        } catch (dev.atomizer.log.LimitException e) {
            int line = e.line() + firstLine - 1;
            throw new dev.atomizer.log.LimitException(line, path + ":" + line + ": " + e.getMessage());
        } catch (EncodingException e) {
            Severity s = severities.of(Encoding.ID);
            if (s != Severity.OFF) {
                List<Diagnostic> one = new ArrayList<>(1);
                one.add(new Diagnostic(
                        path, e.line() + firstLine - 1, e.column(), Encoding.ID, s, String.valueOf(e.getMessage())));
                run.emit(one);
            }
        }
        return new FileSummary(run.entries, run.errors, run.warnings);
    }

    /**
     * The live log's size against the contract's limits ({@code log-size-limit}, then {@code
     * log-size-render}): file-level rules of the log file itself, not of its entries.
     *
     * @param log   the log file
     * @param shown its path as messages show it
     */
    public FileSummary size(java.nio.file.Path log, String shown, Consumer<Diagnostic> sink) throws IOException {
        long size = java.nio.file.Files.size(log);
        int errors = 0;
        int warnings = 0;
        for (Diagnostic d : java.util.Arrays.asList(
                LogSizeLimit.check(log, shown, size, contract.settings(), severities.of(LogSizeLimit.INFO.id())),
                LogSizeRender.check(log, shown, size, contract.settings(), severities.of(LogSizeRender.INFO.id())))) {
            if (d != null) {
                sink.accept(d);
                errors += d.severity() == Severity.ERROR ? 1 : 0;
                warnings += d.severity() == Severity.WARNING ? 1 : 0;
            }
        }
        return new FileSummary(0, errors, warnings);
    }

    private final class Run {
        final String path;
        final Consumer<Diagnostic> sink;
        final List<Diagnostic> found = new ArrayList<>();
        final Report[] reports = new Report[rules.size()];

        @Nullable
        String previous;

        int entries;
        int errors;
        int warnings;

        Run(String path, Consumer<Diagnostic> sink, @Nullable String previous) {
            this.path = path;
            this.sink = sink;
            this.previous = previous;
            // one report per rule for the whole run, not one per rule and entry
            for (int i = 0; i < reports.length; i++) {
                String id = rules.get(i).id();
                Severity s = levels.get(i);
                reports[i] = (line, column, message) -> found.add(new Diagnostic(path, line, column, id, s, message));
            }
        }

        void entry(RawEntry e) {
            entries++;
            EntryContext ctx = new EntryContext(e, contract, projects, previous, now);
            for (int i = 0; i < reports.length; i++) {
                rules.get(i).check(ctx, reports[i]);
            }
            EntryHeader h = e.header();
            if (h.wellFormed() && h.dateTime() != null) {
                previous = h.timestamp();
            }
            if (!found.isEmpty()) {
                if (found.size() > 1) {
                    found.sort(Diagnostic.ORDER);
                }
                emit(found);
                found.clear();
            }
        }

        void emit(List<Diagnostic> found) {
            for (Diagnostic d : found) {
                if (d.severity() == Severity.ERROR) {
                    errors++;
                } else {
                    warnings++;
                }
                sink.accept(d);
            }
        }
    }
}
