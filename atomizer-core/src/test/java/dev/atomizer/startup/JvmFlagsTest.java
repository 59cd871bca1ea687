package dev.atomizer.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The launcher is the one source of the hook's JVM flags: the packaged script is the checkout's
 * {@code hooks/atomizer}, and the flags read from it are those the class-data archive needs.
 */
class JvmFlagsTest {

    @Test
    void thePackagedLauncherIsTheCheckoutsScript() throws Exception {
        assertThat(JvmFlags.launcher()).isEqualTo(Files.readString(Path.of("../hooks/atomizer")));
    }

    @Test
    void theFlagsAreThoseOfTheExecLineUpToTheUsersOptions() {
        // an archive is only used by a JVM with the same collector and compiler flags
        assertThat(JvmFlags.hook())
                .contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto")
                .allMatch(f -> f.startsWith("-"))
                .doesNotContain("-jar");
        assertThat(JvmFlags.of("#!/bin/sh\nexec \"$java\" -Xa -Xb ${ATOMIZER_JAVA_OPTS:-} -Xc \"$@\"\n"))
                .containsExactly("-Xa", "-Xb");
    }
}
