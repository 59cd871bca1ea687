package dev.atomizer.state;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.contract.Sections;
import dev.atomizer.contract.Sections.Section;
import dev.atomizer.log.EncodingException;
import dev.atomizer.log.LogParser;
import dev.atomizer.log.RawEntry;
import dev.atomizer.log.Utf8LineReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log folded into what the dashboards and reports show: every entry in file order, the
 * tracks (decisions, delegations, blockers) and the studies, as of one moment.
 *
 * <p>Linking: entries with the same {@code ref=} form one track, whose latest entry gives its
 * state. Without a ref: a decision (an event type of the contract's {@code decisions} section, by
 * default {@code decision-needed}) continues the open decision of the same agent and project; a
 * delegation ({@code task-delegated}) opens a task that the delegate's ({@code to=}) next completed
 * or failed entry on that project without a ref closes (oldest first); a blocked entry opens a
 * blocker that the same agent's next entry on the project continues; studies run from the
 * {@code studies} section's first type ({@code study-start}) to its last ({@code study-complete})
 * per project.
 */
public final class LogState {

    private final String source;
    private final List<Entry> entries;
    private final List<Track> tracks;
    private final List<Study> studies;
    private final LocalDateTime asOf;
    private final int skipped;
    private final Headings headings;
    private final Sections sections;
    private final List<String> projects;
    private final List<String> agents;
    private final boolean inTimeOrder;
    private final Map<String, LocalDateTime> lastCompleted;
    private final LocalDateTime oldest;

    private LogState(
            String source,
            List<Entry> entries,
            List<Track> tracks,
            List<Study> studies,
            LocalDateTime asOf,
            int skipped,
            Headings headings,
            Sections sections,
            List<String> projects,
            List<String> agents,
            boolean inTimeOrder,
            Map<String, LocalDateTime> lastCompleted,
            LocalDateTime oldest) {
        this.oldest = oldest;
        this.lastCompleted = lastCompleted;
        this.inTimeOrder = inTimeOrder;
        this.projects = projects;
        this.agents = agents;
        this.headings = headings;
        this.sections = sections;
        this.source = source;
        this.entries = entries;
        this.tracks = tracks;
        this.studies = studies;
        this.asOf = asOf;
        this.skipped = skipped;
    }

    /**
     * Reads a log. Entries whose heading is malformed are skipped (and counted); entries after
     * {@code asOf} are ignored.
     *
     * @param asOf the moment to fold to, or null for the newest entry's timestamp
     */
    public static LogState read(InputStream in, String source, LocalDateTime asOf, Sections sections)
            throws AtomizerException {
        Builder b = new Builder(asOf, sections);
        try {
            LogParser.parse(new Utf8LineReader(in), b::accept);
        } catch (EncodingException e) {
            throw new AtomizerException(
                    source + ":" + e.line() + ":" + e.column() + ": error [encoding] " + e.getMessage(), e);
        } catch (IOException e) {
            throw new AtomizerException(source + ": cannot read: " + e.getMessage(), e);
        }
        return b.build(source);
    }

    /** As {@link #read(InputStream, String, LocalDateTime, Sections)} from bytes; null bytes give an empty log. */
    public static LogState of(byte[] log, String source, LocalDateTime asOf, Sections sections)
            throws AtomizerException {
        return read(new ByteArrayInputStream(log == null ? new byte[0] : log), source, asOf, sections);
    }

    /** As {@link #of(byte[], String, LocalDateTime, Sections)} with the default sections. */
    public static LogState of(byte[] log, String source, LocalDateTime asOf) throws AtomizerException {
        return of(log, source, asOf, Sections.DEFAULT);
    }

    /** Which event types feed which section, as the fold used them. */
    public Sections sections() {
        return sections;
    }

    /** A win: a completed entry of a {@code wins} type. */
    public boolean isWin(Entry e) {
        return e.is(Entry.COMPLETED) && sections.has(Section.WINS, e.event());
    }

    /** An error: an entry of an {@code errors} type, or any failed entry. */
    public boolean isError(Entry e) {
        return e.is(Entry.FAILED) || sections.has(Section.ERRORS, e.event());
    }

    /** A task done: a completed entry of a {@code completions} type. */
    public boolean isTaskDone(Entry e) {
        return e.is(Entry.COMPLETED) && sections.has(Section.COMPLETIONS, e.event());
    }

    /** A completed milestone (a {@code milestones} type): it may sign off a gate or close a project. */
    public boolean isMilestone(Entry e) {
        return e.is(Entry.COMPLETED) && sections.has(Section.MILESTONES, e.event());
    }

    /** Whether an entry changes the knowledge base: a {@code knowledge} type, or a {@code kb=} metric. */
    public boolean isKnowledge(Entry e) {
        return e.metric("kb") != null || sections.has(Section.KNOWLEDGE, e.event());
    }

    /** Whether a track was opened by a decision. */
    public boolean isDecision(Track t) {
        return sections.has(Section.DECISIONS, t.kind());
    }

    public String source() {
        return source;
    }

    /** Every entry up to the as-of time, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Every entry up to the as-of time in time order, file order among equal times: {@link
     * #entries()} itself when the log is in time order (as an appended log is); otherwise a view
     * through a sorted index (eight bytes an entry, the entries themselves stay encoded).
     */
    public List<Entry> byTime() {
        if (inTimeOrder) {
            return entries;
        }
        int n = entries.size();
        long min = Long.MAX_VALUE;
        long[] keys = new long[n];
        int i = 0;
        for (Entry e : entries) {
            keys[i++] = e.time().toEpochSecond(java.time.ZoneOffset.UTC);
            min = Math.min(min, keys[i - 1]);
        }
        for (i = 0; i < n; i++) {
            // seconds since the oldest entry above, the index below: a sort of the keys is stable
            keys[i] = (keys[i] - min) << 32 | i;
        }
        java.util.Arrays.sort(keys);
        return new java.util.AbstractList<Entry>() {
            @Override
            public Entry get(int index) {
                return entries.get((int) keys[index]);
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    /**
     * The entries from {@code from} on, in file order, and maybe some before it: for a log in time
     * order only the entries at or after {@code from} (found by bisection, nothing before is
     * decoded), otherwise every entry. A window near the as-of time costs its own entries only;
     * callers still test each entry's time.
     */
    public List<Entry> since(LocalDateTime from) {
        return between(from, null);
    }

    /** As {@link #since}, up to {@code end} (exclusive; null: no end). */
    public List<Entry> between(LocalDateTime from, LocalDateTime end) {
        if (!inTimeOrder) {
            return entries;
        }
        return entries.subList(firstAtOrAfter(from), end == null ? entries.size() : firstAtOrAfter(end));
    }

    private int firstAtOrAfter(LocalDateTime t) {
        int lo = 0;
        int hi = entries.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).time().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The oldest entry's timestamp, or null for an empty log. */
    public LocalDateTime oldest() {
        return oldest;
    }

    /** Decisions, delegations, blockers and every ref, in the order they were opened. */
    public List<Track> tracks() {
        return tracks;
    }

    public List<Study> studies() {
        return studies;
    }

    /** The moment the state describes: the explicit as-of, or the newest entry's timestamp; null for an empty log. */
    public LocalDateTime asOf() {
        return asOf;
    }

    /**
     * The line of the entry heading that holds {@code line} (well-formed or not), or 0 when the line
     * is before the first entry.
     */
    public int headingOf(int line) {
        return headings.floor(line);
    }

    /**
     * The lines of every entry heading, in blocks (a long log never copies one large array to grow
     * it). The lines only grow, so the last heading at or before a line is found by bisection.
     */
    private static final class Headings {
        private static final int BLOCK = 1 << 16;
        private int[][] blocks = new int[1][BLOCK];
        private int size;

        void add(int line) {
            int b = size >>> 16;
            if (b == blocks.length) {
                blocks = java.util.Arrays.copyOf(blocks, b * 2);
            }
            if (blocks[b] == null) {
                blocks[b] = new int[BLOCK];
            }
            blocks[b][size & (BLOCK - 1)] = line;
            size++;
        }

        private int at(int i) {
            return blocks[i >>> 16][i & (BLOCK - 1)];
        }

        /** The greatest line at or before {@code line}, or 0. */
        int floor(int line) {
            int lo = 0;
            int hi = size - 1;
            int found = 0;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int v = at(mid);
                if (v <= line) {
                    found = v;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }
    }

    /** Entries left out because their heading is malformed. */
    public int skipped() {
        return skipped;
    }

    /**
     * The latest time of a completed entry by {@code agent} on {@code project}, or null: a failure
     * before it was recovered. Folded as the log is read, so the question costs no pass over it.
     */
    public LocalDateTime lastCompleted(String agent, String project) {
        return lastCompleted.get(agent + "\u0000" + project);
    }

    /** Tracks opened by a decision (by default a {@code decision-needed} entry). */
    public List<Track> decisions() {
        return ofKind(Section.DECISIONS);
    }

    /** Tracks opened by a delegation (by default a {@code task-delegated} entry). */
    public List<Track> delegations() {
        return ofKind(Section.DELEGATIONS);
    }

    /** Tracks opened by a delegation or a review request. */
    public List<Track> handoffs() {
        List<Track> out = new ArrayList<>();
        for (Track t : tracks) {
            if (sections.has(Section.DELEGATIONS, t.kind()) || sections.has(Section.REVIEWS, t.kind())) {
                out.add(t);
            }
        }
        return out;
    }

    /** Blocked work: open tracks whose latest entry is blocked, decisions excepted (they wait on an approver). */
    public List<Track> blocked() {
        List<Track> out = new ArrayList<>();
        for (Track t : tracks) {
            if (t.blocked() && !isDecision(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private List<Track> ofKind(Section section) {
        List<Track> out = new ArrayList<>();
        for (Track t : tracks) {
            if (sections.has(section, t.kind())) {
                out.add(t);
            }
        }
        return out;
    }

    /** The projects named in entry headings, in order of first appearance. */
    public List<String> projects() {
        return projects;
    }

    /** The agents named in entry headings, in order of first appearance. */
    public List<String> agents() {
        return agents;
    }

    /** Folds entries one by one. */
    private static final class Builder {
        private final LocalDateTime limit;
        private final Map<String, String> interned = new HashMap<>();
        private final EntryStore entries = EntryStore.forHeap();
        private final List<Track> tracks = new ArrayList<>();
        private final Map<String, Track> byKey = new HashMap<>();
        private final Map<String, ArrayDeque<Track>> delegated = new HashMap<>();
        private final List<Study> studies = new ArrayList<>();
        private final Map<String, Study> studyByRef = new HashMap<>();
        private final Map<String, Study> runningByProject = new HashMap<>();
        private LocalDateTime newest;
        private LocalDateTime previous;
        private LocalDateTime oldest;
        private boolean inTimeOrder = true;
        private final Map<String, LocalDateTime> lastCompleted = new HashMap<>();
        private int skipped;
        private final Headings headings = new Headings();
        private final Map<String, Boolean> projects = new LinkedHashMap<>();
        private final Map<String, Boolean> agents = new LinkedHashMap<>();
        private final Sections sections;

        Builder(LocalDateTime limit, Sections sections) {
            this.limit = limit;
            this.sections = sections;
        }

        void accept(RawEntry raw) {
            headings.add(raw.line());
            Entry e = Entry.of(raw, interned);
            if (e == null) {
                skipped++;
                return;
            }
            if (limit != null && e.time().isAfter(limit)) {
                return;
            }
            int index = entries.size();
            entries.append(e);
            if (previous != null && e.time().isBefore(previous)) {
                inTimeOrder = false;
            }
            previous = e.time();
            if (oldest == null || e.time().isBefore(oldest)) {
                oldest = e.time();
            }
            if (e.is(Entry.COMPLETED)) {
                lastCompleted.merge(e.agent() + "\u0000" + e.project(), e.time(), (a, b) -> a.isAfter(b) ? a : b);
            }
            projects.putIfAbsent(e.project(), Boolean.TRUE);
            agents.putIfAbsent(e.agent(), Boolean.TRUE);
            if (newest == null || e.time().isAfter(newest)) {
                newest = e.time();
            }
            study(index, e);
            String ref = e.ref();
            if (ref != null) {
                Track t = byKey.get("ref\u0000" + ref);
                if (t == null) {
                    open("ref\u0000" + ref, new Track(ref, entries, index, e));
                } else {
                    t.add(index, e);
                }
                return;
            }
            unreferenced(index, e);
        }

        private void unreferenced(int index, Entry e) {
            String blockerKey = "blk\u0000" + e.project() + "\u0000" + e.agent();
            Track blocker = byKey.get(blockerKey);
            boolean continued = false;
            if (blocker != null && blocker.open()) {
                blocker.add(index, e);
                continued = true;
            }
            if (sections.has(Section.DECISIONS, e.event())) {
                String key = "dec\u0000" + e.project() + "\u0000" + e.agent();
                Track t = byKey.get(key);
                if (t != null && t.open()) {
                    t.add(index, e);
                } else {
                    open(key, new Track(null, entries, index, e));
                }
                return;
            }
            if (sections.has(Section.DELEGATIONS, e.event())) {
                Track t = new Track(null, entries, index, e);
                tracks.add(t);
                String to = e.metric("to");
                if (to != null) {
                    delegated
                            .computeIfAbsent(e.project() + "\u0000" + to, k -> new ArrayDeque<>())
                            .add(t);
                }
                return;
            }
            if (e.is(Entry.COMPLETED) || e.is(Entry.FAILED)) {
                ArrayDeque<Track> queue = delegated.get(e.project() + "\u0000" + e.agent());
                if (queue != null && !queue.isEmpty()) {
                    queue.poll().add(index, e);
                    return;
                }
            }
            if (e.is(Entry.BLOCKED) && !continued) {
                open(blockerKey, new Track(null, entries, index, e));
            }
        }

        private void open(String key, Track t) {
            byKey.put(key, t);
            tracks.add(t);
        }

        private void study(int index, Entry e) {
            String ref = e.ref();
            Sections.StudyRole role = sections.studyRole(e.event());
            boolean studyEvent = role != null;
            if (ref != null) {
                Study s = studyByRef.get(ref);
                if (s == null && studyEvent) {
                    s = new Study(ref, e.project(), entries);
                    studyByRef.put(ref, s);
                    studies.add(s);
                }
                if (s != null) {
                    s.add(index, e, role);
                }
                return;
            }
            if (!studyEvent) {
                return;
            }
            Study s = runningByProject.get(e.project());
            if (s == null || role == Sections.StudyRole.START) {
                s = new Study(
                        e.project() + " study from " + Format.date(e.time().toLocalDate()), e.project(), entries);
                studies.add(s);
                runningByProject.put(e.project(), s);
            }
            s.add(index, e, role);
            if (role == Sections.StudyRole.END) {
                runningByProject.remove(e.project());
            }
        }

        LogState build(String source) {
            LocalDateTime asOf = limit != null ? limit : newest;
            return new LogState(
                    source,
                    Collections.unmodifiableList(entries.seal()),
                    Collections.unmodifiableList(tracks),
                    Collections.unmodifiableList(studies),
                    asOf,
                    skipped,
                    headings,
                    sections,
                    List.copyOf(projects.keySet()),
                    List.copyOf(agents.keySet()),
                    inTimeOrder,
                    lastCompleted,
                    oldest);
        }
    }
}
