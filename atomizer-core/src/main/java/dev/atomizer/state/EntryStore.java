package dev.atomizer.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The entries of a log in file order, kept encoded rather than as objects, so that the heap a fold
 * needs does not grow with the log: about 110 bytes an entry instead of about 350 as objects.
 * Past a budget (an eighth of the heap) the encoded entries go to a temporary file that is mapped
 * into memory, outside the heap; the file is deleted as soon as it is mapped (on systems that
 * allow it) and otherwise when the JVM exits. A small log never touches the disk.
 *
 * <p>Records are written in 1 MiB segments and never straddle one; a record is its length (an
 * int, 0 for "the rest of this segment is padding") and its fields. An entry too large for a
 * segment (a Blockers field of megabytes) is kept as an object. Every 64th record's offset is
 * kept, so {@link #get(int)} decodes at most 63 records to skip; reading in order decodes each once.
 *
 * <p>Not for concurrent writing; reading is safe from several threads once {@link #seal() sealed}.
 */
final class EntryStore extends AbstractList<Entry> implements RandomAccess {

    private static final int SEGMENT_BITS = 20;
    private static final int SEGMENT = 1 << SEGMENT_BITS;
    private static final int REGION_BITS = 26; // 64 MiB mappings, each a whole number of segments
    private static final int CHECKPOINT_BITS = 6;

    private final long budget;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final Map<Integer, Entry> oversize = new HashMap<>();
    private final List<byte[]> chunks = new ArrayList<>(); // segments still on the heap
    private long flushed; // bytes moved to the file (whole segments)
    private byte[] current = new byte[SEGMENT];
    private int pos;
    private long[] checkpoints = new long[64];
    private int size;
    private Path file;
    private FileChannel out;
    private ByteBuffer[] regions;
    private int regionBits = SEGMENT_BITS; // on the heap a region is a segment; mapped, 64 MiB
    private ByteBuffer scratch = ByteBuffer.allocate(256);
    private volatile long[] cursor = {-1, 0}; // the last record read: its index, the next record's offset

    EntryStore(long budget) {
        this.budget = budget;
    }

    /** A store whose in-heap budget is an eighth of the maximum heap. */
    static EntryStore forHeap() {
        return new EntryStore(Runtime.getRuntime().maxMemory() / 8);
    }

    void append(Entry e) {
        if ((size & ((1 << CHECKPOINT_BITS) - 1)) == 0) {
            int slot = size >>> CHECKPOINT_BITS;
            if (slot == checkpoints.length) {
                checkpoints = Arrays.copyOf(checkpoints, slot * 2);
            }
            checkpoints[slot] = offset();
        }
        ByteBuffer b = encode(e);
        int length = b.position();
        if (length + 4 > SEGMENT) {
            oversize.put(size, e);
            b.clear();
            b.put((byte) 1);
            length = 1;
        }
        if (SEGMENT - pos < length + 4) {
            // the rest of the segment is padding; the zeroed array reads as a 0 length
            nextSegment();
        }
        putInt(length);
        System.arraycopy(b.array(), 0, current, pos, length);
        pos += length;
        size++;
    }

    private long offset() {
        return flushed + ((long) chunks.size() << SEGMENT_BITS) + pos;
    }

    private void putInt(int v) {
        current[pos] = (byte) (v >>> 24);
        current[pos + 1] = (byte) (v >>> 16);
        current[pos + 2] = (byte) (v >>> 8);
        current[pos + 3] = (byte) v;
        pos += 4;
    }

    private void nextSegment() {
        chunks.add(current);
        current = new byte[SEGMENT];
        pos = 0;
        if (out != null || (long) chunks.size() * SEGMENT > budget) {
            spill();
        }
    }

    /** Moves the whole segments held on the heap to the temporary file. */
    private void spill() {
        try {
            if (out == null) {
                file = Files.createTempFile("atomizer-entries", ".bin");
                file.toFile().deleteOnExit();
                out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
            }
            for (byte[] c : chunks) {
                ByteBuffer w = ByteBuffer.wrap(c);
                while (w.hasRemaining()) {
                    out.write(w, flushed + w.position());
                }
                flushed += SEGMENT;
            }
            chunks.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the entries' temporary file: " + e.getMessage(), e);
        }
    }

    /** Ends the writing: from here on the store is read only. */
    EntryStore seal() {
        checkpoints = Arrays.copyOf(checkpoints, (size >>> CHECKPOINT_BITS) + 1);
        scratch = null;
        if (out == null) {
            chunks.add(Arrays.copyOf(current, pos));
            regions = new ByteBuffer[chunks.size()];
            for (int i = 0; i < regions.length; i++) {
                regions[i] = ByteBuffer.wrap(chunks.get(i));
            }
            current = null;
            return this;
        }
        chunks.add(current);
        spill();
        current = null;
        try {
            long length = flushed;
            int count = (int) ((length + (1L << REGION_BITS) - 1) >>> REGION_BITS);
            regions = new ByteBuffer[count];
            regionBits = REGION_BITS;
            for (int i = 0; i < count; i++) {
                long from = (long) i << REGION_BITS;
                regions[i] = out.map(FileChannel.MapMode.READ_ONLY, from, Math.min(1L << REGION_BITS, length - from));
            }
            out.close();
            Files.deleteIfExists(file); // the mapping stays valid (not on every system: deleteOnExit then)
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map the entries' temporary file: " + e.getMessage(), e);
        }
        return this;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Entry get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        long[] c = cursor;
        long at;
        int from;
        if (c[0] >= 0 && c[0] < index && index - c[0] <= (1 << CHECKPOINT_BITS)) {
            from = (int) c[0] + 1;
            at = c[1];
        } else {
            from = index & ~((1 << CHECKPOINT_BITS) - 1);
            at = checkpoints[index >>> CHECKPOINT_BITS];
        }
        for (int i = from; ; i++) {
            at = record(at);
            ByteBuffer r = region(at);
            int inRegion = (int) (at & ((1L << regionBits) - 1));
            int length = r.getInt(inRegion);
            if (i == index) {
                Entry e = length == 1 ? oversize.get(index) : decode(r, inRegion + 4);
                cursor = new long[] {index, at + 4 + length};
                return e;
            }
            at += 4 + length;
        }
    }

    /** Reads the entries in order, each decoded once, with a position of its own. */
    @Override
    public java.util.Iterator<Entry> iterator() {
        return new java.util.Iterator<>() {
            private int index;
            private long at = size == 0 ? 0 : checkpoints[0];

            @Override
            public boolean hasNext() {
                return index < size;
            }

            @Override
            public Entry next() {
                if (index >= size) {
                    throw new java.util.NoSuchElementException();
                }
                at = record(at);
                ByteBuffer r = region(at);
                int inRegion = (int) (at & ((1L << regionBits) - 1));
                int length = r.getInt(inRegion);
                Entry e = length == 1 ? oversize.get(index) : decode(r, inRegion + 4);
                at += 4 + length;
                index++;
                return e;
            }
        };
    }

    /** The offset of the record at or after {@code at}, past a segment's padding. */
    private long record(long at) {
        int left = SEGMENT - (int) (at & (SEGMENT - 1));
        if (left < 4 || region(at).getInt((int) (at & ((1L << regionBits) - 1))) == 0) {
            return at + left;
        }
        return at;
    }

    private ByteBuffer region(long at) {
        return regions[(int) (at >>> regionBits)];
    }

    // encoding: line, time (epoch second, nano), agent, project, event, status (ids), summary,
    // blockers (length -1 for null), metric count, then key id and value each
    private ByteBuffer encode(Entry e) {
        ByteBuffer b = scratch;
        b.clear();
        b = room(b, 64);
        b.putInt(e.line());
        b.putLong(e.time().toEpochSecond(ZoneOffset.UTC));
        b.putInt(e.time().getNano());
        b.putInt(id(e.agent()));
        b.putInt(id(e.project()));
        b.putInt(id(e.event()));
        b.putInt(id(e.status()));
        b = text(b, e.summary());
        b = text(b, e.blockers());
        String[] m = e.metrics();
        b = room(b, 4);
        b.putInt(m.length / 2);
        for (int i = 0; i < m.length; i += 2) {
            b = room(b, 4);
            b.putInt(id(m[i]));
            b = text(b, m[i + 1]);
        }
        scratch = b;
        return b;
    }

    private ByteBuffer text(ByteBuffer b, String s) {
        if (s == null) {
            b = room(b, 4);
            b.putInt(-1);
            return b;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        b = room(b, 4 + bytes.length);
        b.putInt(bytes.length);
        b.put(bytes);
        return b;
    }

    private static ByteBuffer room(ByteBuffer b, int more) {
        if (b.remaining() >= more) {
            return b;
        }
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + more));
        b.flip();
        bigger.put(b);
        return bigger;
    }

    private int id(String s) {
        Integer id = ids.get(s);
        if (id == null) {
            id = names.size();
            ids.put(s, id);
            names.add(s);
        }
        return id;
    }

    private Entry decode(ByteBuffer r, int at) {
        int line = r.getInt(at);
        long second = r.getLong(at + 4);
        int nano = r.getInt(at + 12);
        String agent = names.get(r.getInt(at + 16));
        String project = names.get(r.getInt(at + 20));
        String event = names.get(r.getInt(at + 24));
        String status = names.get(r.getInt(at + 28));
        int[] p = {at + 32};
        String summary = text(r, p);
        String blockers = text(r, p);
        int count = r.getInt(p[0]);
        p[0] += 4;
        String[] metrics = new String[count * 2];
        for (int i = 0; i < metrics.length; i += 2) {
            metrics[i] = names.get(r.getInt(p[0]));
            p[0] += 4;
            metrics[i + 1] = text(r, p);
        }
        return new Entry(
                line,
                LocalDateTime.ofEpochSecond(second, nano, ZoneOffset.UTC),
                agent,
                project,
                event,
                status,
                summary,
                blockers,
                metrics);
    }

    private static String text(ByteBuffer r, int[] p) {
        int length = r.getInt(p[0]);
        p[0] += 4;
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        r.get(p[0], bytes);
        p[0] += length;
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
