package dev.atomizer.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The encoded entries read back as they were written: kept on the heap, spilled to the mapped
 * temporary file past the budget, with records that do not fit the rest of a segment, an entry
 * larger than a segment, and by index in any order as well as in order.
 */
class EntryStoreTest {

    private static List<Entry> entries(int n) {
        Random r = new Random(7);
        List<Entry> out = new ArrayList<>();
        LocalDateTime t = LocalDateTime.of(2026, 1, 5, 8, 0);
        for (int i = 0; i < n; i++) {
            t = t.plusMinutes(r.nextInt(5));
            String summary = "Summary é ✓ " + "x".repeat(r.nextInt(3000)); // records of very different sizes
            String blockers = i % 7 == 0 ? "waiting on " + i : null;
            String[] metrics = i % 3 == 0 ? new String[] {"tokens", "" + i, "ref", "r-" + (i % 11)} : new String[0];
            out.add(new Entry(
                    10 * i + 1,
                    t,
                    "agent-" + (i % 5),
                    "project-" + (i % 3),
                    "event",
                    i % 2 == 0 ? "completed" : "",
                    summary,
                    blockers,
                    metrics));
        }
        // larger than a segment of 1 MiB: kept as an object
        out.add(new Entry(
                10 * n + 1,
                t,
                "agent-0",
                "project-0",
                "event",
                "blocked",
                "big",
                "b".repeat(1_200_000),
                new String[0]));
        return out;
    }

    private static EntryStore store(List<Entry> entries, long budget) {
        EntryStore s = new EntryStore(budget);
        for (Entry e : entries) {
            s.append(e);
        }
        return s.seal();
    }

    @Test
    void onTheHeapEveryEntryReadsBackEqual() {
        List<Entry> written = entries(3_000);
        EntryStore s = store(written, Long.MAX_VALUE);
        assertThat(s).hasSize(written.size());
        assertThat(new ArrayList<>(s)).isEqualTo(written);
    }

    @Test
    void spilledToTheMappedFileEveryEntryReadsBackEqualInOrderAndByIndex() {
        List<Entry> written = entries(3_000); // about 4.5 MB: several segments past a budget of one
        EntryStore s = store(written, 1 << 20);
        List<Entry> inOrder = new ArrayList<>();
        s.iterator().forEachRemaining(inOrder::add);
        assertThat(inOrder).isEqualTo(written);
        Random r = new Random(11);
        for (int k = 0; k < 2_000; k++) {
            int i = r.nextInt(written.size());
            assertThat(s.get(i)).as("entry %d", i).isEqualTo(written.get(i));
        }
        for (int i = written.size() - 1; i >= 0; i -= 97) {
            assertThat(s.get(i)).isEqualTo(written.get(i));
        }
    }

    @Test
    void anEmptyStoreIsEmpty() {
        EntryStore s = new EntryStore(1 << 20).seal();
        assertThat(s).isEmpty();
        assertThat(s.iterator().hasNext()).isFalse();
    }
}
