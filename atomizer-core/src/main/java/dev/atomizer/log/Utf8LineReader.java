package dev.atomizer.log;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Streams the lines of a UTF-8 file with strict decoding, so memory stays flat however long the
 * log grows. A leading byte-order mark is dropped; {@code \n}, {@code \r\n} and a lone {@code \r}
 * end a line (as in CommonMark), and the terminators are not returned. The first invalid byte
 * raises an {@link EncodingException} with its line and column.
 */
public final class Utf8LineReader implements Closeable {

    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[256];
    private int lineNumber;
    private boolean first = true;
    private boolean sawTerminator;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    public Utf8LineReader(InputStream in) {
        this.in = in;
    }

    /** The 1-based number of the line last returned. */
    public int lineNumber() {
        return lineNumber;
    }

    /**
     * True when the file ended with a line terminator (after the last line was read). An empty
     * file counts as terminated.
     */
    public boolean endsWithTerminator() {
        return sawTerminator || lineNumber == 0;
    }

    /** The next line without its terminator, or null at the end of the input. */
    public String readLine() throws IOException {
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos >= limit) {
                if (!fill()) {
                    if (!any) {
                        return null;
                    }
                    sawTerminator = false;
                    return finish(len);
                }
            }
            any = true;
            int start = pos;
            while (pos < limit) {
                byte b = buf[pos];
                if (b == '\n' || b == '\r') {
                    len = append(start, pos - start, len);
                    pos++;
                    if (b == '\r') {
                        if (pos >= limit) {
                            fill();
                        }
                        if (pos < limit && buf[pos] == '\n') {
                            pos++;
                        }
                    }
                    sawTerminator = true;
                    return finish(len);
                }
                pos++;
            }
            len = append(start, pos - start, len);
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        while (n == 0) {
            n = in.read(buf, 0, buf.length);
        }
        if (n < 0) {
            eof = true;
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /**
     * The longest line read, in bytes (1 MiB): a log line is a heading or a field, and a longer one
     * (a 30 MB line, or {@code /dev/zero}) would only exhaust the heap.
     */
    public static final int MAX_LINE = 1 << 20;

    private int append(int from, int count, int len) throws LimitException {
        if (len + count > MAX_LINE) {
            throw new LimitException(
                    lineNumber + 1,
                    "a line longer than " + MAX_LINE + " bytes (1 MiB): not a log"
                            + " line; split it, or move the text out of the log");
        }
        if (len + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, len + count));
        }
        System.arraycopy(buf, from, line, len, count);
        return len + count;
    }

    private String finish(int len) throws EncodingException {
        lineNumber++;
        int off = 0;
        if (first) {
            first = false;
            if (len >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
                off = 3;
            } else if (len >= 2
                    && ((line[0] & 0xff) == 0xFE && (line[1] & 0xff) == 0xFF
                            || (line[0] & 0xff) == 0xFF && (line[1] & 0xff) == 0xFE)) {
                throw new EncodingException(1, 1, "the file is UTF-16 (byte-order mark found); save it as UTF-8");
            }
        }
        boolean ascii = true;
        for (int i = off; i < len; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            // ASCII is a subset of UTF-8; Latin-1 decoding of ASCII bytes is exact and fast.
            return new String(line, off, len - off, StandardCharsets.ISO_8859_1);
        }
        try {
            decoder.reset();
            CharBuffer cb = decoder.decode(ByteBuffer.wrap(line, off, len - off));
            return cb.toString();
        } catch (CharacterCodingException e) {
            throw invalid(off, len);
        }
    }

    private EncodingException invalid(int off, int len) {
        decoder.reset();
        ByteBuffer bb = ByteBuffer.wrap(line, off, len - off);
        CharBuffer out = CharBuffer.allocate(len + 1);
        decoder.decode(bb, out, true);
        int bad = bb.position();
        int column = out.position() + 1;
        return new EncodingException(
                lineNumber,
                column,
                String.format(
                        java.util.Locale.ROOT,
                        "the file is not valid UTF-8 (byte 0x%02X); save it as UTF-8",
                        line[bad] & 0xff));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
