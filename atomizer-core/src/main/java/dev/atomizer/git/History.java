package dev.atomizer.git;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The commits behind a state of the repository, oldest first: when each was made and which of
 * the paths asked about it changed. What the KPIs measure from git (freshness, reports on time).
 */
public record History(List<Commit> commits, java.util.Map<String, String> tipBlobs, String tipEntries) {

    public History {
        commits = List.copyOf(commits);
        tipBlobs = java.util.Map.copyOf(tipBlobs);
    }

    /** A history whose tip holds the log alone: its entries are the log's blob. */
    public History(List<Commit> commits, java.util.Map<String, String> tipBlobs) {
        this(commits, tipBlobs, tipBlobs.get(dev.atomizer.api.Workspace.LOG));
    }

    /** A history with no blob ids at its tip. */
    public History(List<Commit> commits) {
        this(commits, java.util.Map.of());
    }

    /** The blob id of {@code path} at the newest commit (of the file paths asked about), or null when it is not there. */
    public String tipBlob(String path) {
        return tipBlobs.get(path);
    }

    /**
     * The blob id of the log's history at the newest commit as one log ({@link LogFiles#read}): the
     * log's own blob id when the history is the log alone; null when unknown.
     */
    @Override
    public String tipEntries() {
        return tipEntries;
    }

    /** The id git gives a blob of these bytes (SHA-1 of "blob N\0" and the bytes). */
    /** As {@link #blobId(byte[])} of a stream of {@code size} bytes, read a buffer at a time. */
    public static String blobId(java.io.InputStream in, long size) throws java.io.IOException {
        try (in) {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-1");
            sha.update(("blob " + size + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return hex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    private static String hex(byte[] d) {
        StringBuilder b = new StringBuilder(40);
        for (byte x : d) {
            b.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
        }
        return b.toString();
    }

    public static String blobId(byte[] bytes) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-1");
            sha.update(("blob " + bytes.length + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] d = sha.digest(bytes);
            StringBuilder b = new StringBuilder(40);
            for (byte x : d) {
                b.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
            }
            return b.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    /** @param paths the asked-about paths this commit added, modified or deleted */
    public record Commit(String id, Instant time, Set<String> paths) {}
}
