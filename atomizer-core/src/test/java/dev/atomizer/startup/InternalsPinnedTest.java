package dev.atomizer.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomizer.git.FileStoreTiming;
import java.lang.reflect.Field;
import java.nio.file.FileStore;
import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.eclipse.jgit.internal.util.CleanupService;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;

/**
 * The JGit and commonmark-java internals the hook's start-up relies on (docs/startup.md), pinned:
 * an upgrade that changes one fails here, by name, rather than making the hook slower or wrong.
 */
class InternalsPinnedTest {

    /**
     * JGit's {@code CleanupService}: its public constructor (the OSGi component's) makes itself the
     * instance, in OSGi mode, so that JGit registers no shutdown hook and loads no message bundle.
     * Checked in a fresh JVM: in this one, other tests may have made the instance already.
     */
    @Test
    void cleanupServicesPublicConstructorMakesTheOsgiInstance() throws Exception {
        Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), Fresh.class.getName())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEqualTo("same instance, osgi=true");
    }

    /** What the fresh JVM runs: the one-command mode, then JGit's own view of it. */
    public static final class Fresh {
        public static void main(String[] args) throws Exception {
            ShortLivedJGit.install();
            CleanupService instance = CleanupService.getInstance();
            Field osgi = CleanupService.class.getDeclaredField("isOsgi");
            osgi.setAccessible(true);
            Field single = CleanupService.class.getDeclaredField("INSTANCE");
            single.setAccessible(true);
            System.out.println((single.get(null) == instance ? "same instance" : "another instance") + ", osgi="
                    + osgi.get(instance));
        }
    }

    private static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString();
    }

    /**
     * {@code SystemReader.Delegate}: the quiet reader answers {@code GIT_CONFIG_NOSYSTEM} and its
     * system config holds nothing but the declared timing of every file store.
     */
    @Test
    void theQuietReadersSystemConfigIsTheDeclaredTimingAlone() throws Exception {
        SystemReader quiet = QuietSystemReader.over(SystemReader.getInstance());
        assertThat(quiet.getenv("GIT_CONFIG_NOSYSTEM")).isEqualTo("1");
        FileBasedConfig system = quiet.openSystemConfig(null, FS.DETECTED);
        system.load();
        List<String> stores = new ArrayList<>();
        // several stores may share a name (every tmpfs): one subsection each name
        for (FileStore s : FileSystems.getDefault().getFileStores()) {
            if (!stores.contains(FileStoreTiming.key(s))) {
                stores.add(FileStoreTiming.key(s));
            }
        }
        assertThat(system.getSections()).containsExactly("filesystem");
        assertThat(system.getSubsections("filesystem")).containsExactlyInAnyOrderElementsOf(stores);
        assertThat(system.getString("filesystem", stores.get(0), "timestampResolution"))
                .isEqualTo("2000 milliseconds");
        assertThat(FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION.toMillis())
                .isEqualTo(2000);
    }

    /**
     * commonmark's {@code InlineParserImpl}, which the contract's reader builds itself to parse only
     * headings and table cells: it still parses inline content as the stock parser does.
     */
    @Test
    void commonmarksInlineParserIsTheStockOne() {
        Parser selective = Parser.builder()
                .inlineParserFactory(c -> new org.commonmark.internal.InlineParserImpl(c))
                .build();
        Node doc = selective.parse("## The `Rules` table\n");
        Node heading = doc.getFirstChild();
        assertThat(heading).isInstanceOf(Heading.class);
        assertThat(heading.getFirstChild()).isInstanceOf(Text.class);
        assertThat(heading.getFirstChild().getNext()).isInstanceOf(Code.class);
        assertThat(((Code) heading.getFirstChild().getNext()).getLiteral()).isEqualTo("Rules");
    }
}
