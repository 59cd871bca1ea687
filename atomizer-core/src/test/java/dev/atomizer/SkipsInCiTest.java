package dev.atomizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class SkipsInCiTest {

    static TestAbortedException skip(String reason) {
        try {
            Assumptions.assumeTrue(false, reason);
            throw new AssertionError("not skipped");
        } catch (TestAbortedException e) {
            return e;
        }
    }

    static final Map<String, String> CI = Map.of("CI", "true");

    @Test
    void underCiASkipForAnythingButAMissingSystemToolFails() {
        TestAbortedException npm =
                skip("markdownlint-cli2 is not installed (run 'npm ci' in bench/ to enable this test)");
        Throwable judged = SkipsInCi.judged(CI, npm);
        assertThat(judged)
                .isInstanceOf(AssertionError.class)
                .hasMessage("skipped under CI=true, which only a missing gpg, ssh-keygen, shellcheck, chromium may do:"
                        + " markdownlint-cli2 is not installed (run 'npm ci' in bench/ to enable this test)")
                .hasCause(npm);
        assertThat(SkipsInCi.judged(CI, skip("../shared is not beside this checkout")))
                .isInstanceOf(AssertionError.class);
        // a tool of the list, alone or with another
        for (String reason : new String[] {
            "shellcheck is not installed (apt-get install shellcheck)",
            "gpg is not installed: OpenPGP keys cannot be made",
            "gpg or ssh-keygen is not installed: keys cannot be made"
        }) {
            TestAbortedException t = skip(reason);
            assertThat(SkipsInCi.judged(CI, t)).as(reason).isSameAs(t);
        }
        // a tool named inside another reason does not count
        assertThat(SkipsInCi.judged(CI, skip("markdownlint, not gpg is not installed")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void outsideCiASkipIsASkipAndAFailureIsAFailure() {
        TestAbortedException npm = skip("markdownlint-cli2 is not installed");
        assertThat(SkipsInCi.judged(Map.of(), npm)).isSameAs(npm);
        assertThat(SkipsInCi.judged(Map.of("CI", "false"), npm)).isSameAs(npm);
        AssertionError failed = new AssertionError("boom");
        assertThat(SkipsInCi.judged(CI, failed)).isSameAs(failed);
    }
}
