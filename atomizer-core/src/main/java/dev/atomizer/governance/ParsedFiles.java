package dev.atomizer.governance;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Workspace;
import dev.atomizer.contract.Contract;
import dev.atomizer.contract.ContractLoader;
import dev.atomizer.status.ProjectStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Contracts and project statuses already parsed in this process, by their exact bytes: HEAD's and
 * the index's contract are usually the same file, and the hook's warm-up parses the working tree's
 * copies ahead of time. A parse is only ever reused for identical bytes, so what is checked is
 * still the state under check (index or commit), never the working tree.
 */
final class ParsedFiles {

    private static final int KEEP = 4;
    private static final Map<ByteBuffer, Contract> CONTRACTS = lru();
    private static final Map<ByteBuffer, ProjectStatus> STATUSES = lru();

    private ParsedFiles() {}

    /** The contract in these bytes (null: the file is absent, the built-in default). */
    static Contract contract(byte[] bytes) throws AtomizerException {
        return bytes == null
                ? ContractLoader.fromBytes(null, Workspace.CONTRACT)
                : parsed(CONTRACTS, bytes, b -> ContractLoader.fromBytes(b, Workspace.CONTRACT));
    }

    /** The project status in these bytes (null: the file is absent). */
    static ProjectStatus status(byte[] bytes) throws AtomizerException {
        return bytes == null
                ? ProjectStatus.none()
                : parsed(STATUSES, bytes, b -> ProjectStatus.fromBytes(b, Workspace.STATUS));
    }

    /** How a file's bytes are parsed. */
    private interface Parse<T> {
        T of(byte[] bytes) throws AtomizerException;
    }

    private static <T> T parsed(Map<ByteBuffer, T> cache, byte[] bytes, Parse<T> parse) throws AtomizerException {
        ByteBuffer key = ByteBuffer.wrap(bytes);
        synchronized (cache) {
            T t = cache.get(key);
            if (t == null) {
                t = parse.of(bytes);
                cache.put(key, t);
            }
            return t;
        }
    }

    /** Parses the working tree's contract and status under {@code root}, if there; problems are left for the real read. */
    static void parseAhead(Path root) {
        try {
            contract(readIfExists(root.resolve(Workspace.CONTRACT)));
            status(readIfExists(root.resolve(Workspace.STATUS)));
        } catch (AtomizerException | IOException | RuntimeException e) {
            // the state under check is read and reported by the check itself
        }
    }

    private static byte[] readIfExists(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static <V> Map<ByteBuffer, V> lru() {
        return new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, V> eldest) {
                return size() > KEEP;
            }
        };
    }
}
