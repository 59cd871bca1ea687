package dev.atomizer.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Webhook;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A webhook served on loopback by the test, recording what it is sent, or failing. */
class WebhookTest {

    LoopbackHook hook;

    @AfterEach
    void stop() {
        if (hook != null) {
            hook.close();
        }
    }

    @Test
    void aPostReachesTheHookOnceInTheShapeDiscordAndSlackTake() throws Exception {
        hook = new LoopbackHook(204);
        Webhook.of(hook.url()).post(AlertReport.payload("one \"line\""));
        assertThat(hook.bodies())
                .containsExactly("{\"content\":\"one \\\"line\\\"\",\"allowed_mentions\":{\"parse\":[]},"
                        + "\"text\":\"one \\\"line\\\"\"}");
    }

    /** Any agent writes the log: what it says reaches the channel without pinging anyone. */
    @Test
    void textFromTheLogPingsNobody() {
        String body = AlertReport.payload("dec-1 @everyone <!channel> <https://evil|click> a&b");
        assertThat(body)
                .contains("\"content\":\"dec-1 @everyone <!channel> <https://evil|click> a&b\"")
                .contains("\"allowed_mentions\":{\"parse\":[]}")
                .contains("\"text\":\"dec-1 @everyone &lt;!channel&gt; &lt;https://evil|click&gt; a&amp;b\"");
    }

    @Test
    void aFailingHookIsTriedTwiceThenOneLineThatKeepsTheSecretPath() throws Exception {
        hook = new LoopbackHook(500);
        assertThatThrownBy(() -> Webhook.of(hook.url()).post("{}"))
                .isInstanceOf(AtomizerException.class)
                .hasMessage(
                        "cannot send to the webhook at http://127.0.0.1:" + hook.port() + ": HTTP 500 (tried twice)")
                .hasMessageNotContaining("secret-token");
        assertThat(hook.bodies()).hasSize(2);
    }

    @Test
    void aHookThatIsNotThereIsAnErrorToo() throws Exception {
        hook = new LoopbackHook(204);
        String url = hook.url();
        hook.close();
        hook = null;
        assertThatThrownBy(() -> Webhook.of(url).post("{}"))
                .isInstanceOf(AtomizerException.class)
                .hasMessageStartingWith("cannot send to the webhook at http://127.0.0.1:")
                .hasMessageEndingWith("(tried twice)")
                .hasMessageNotContaining("secret-token");
    }

    @Test
    void onlyHttpsOrLoopbackHttpIsAllowed() throws Exception {
        assertThat(Webhook.of("https://discord.com/api/webhooks/1/abc").shown()).isEqualTo("https://discord.com");
        assertThat(Webhook.of("http://localhost:9/x").shown()).isEqualTo("http://localhost:9");
        assertThat(Webhook.of("http://[::1]:9/x").shown()).isEqualTo("http://[::1]:9");
        for (String bad : List.of(
                "http://hooks.slack.com/services/T/B/secret",
                "http://127.0.0.1.example.com/x",
                "file:///etc/passwd",
                "ftp://127.0.0.1/x",
                "hooks.slack.com/services/x",
                "https:///nohost")) {
            assertThatThrownBy(() -> Webhook.of(bad))
                    .as(bad)
                    .isInstanceOf(AtomizerException.class)
                    .hasMessageStartingWith("the webhook address")
                    .hasMessageNotContaining("secret");
        }
    }
}
