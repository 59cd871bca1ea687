package dev.atomizer.cli;

import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Webhook;
import picocli.CommandLine.Option;

/** {@code --notify URL}, or else {@code ATOMIZER_WEBHOOK}: where the alerts and the contract changes are sent. */
final class NotifyOption {

    @Option(
            names = "--notify",
            paramLabel = "URL",
            description = "Post to this incoming webhook, Discord or Slack (https://; default: $ATOMIZER_WEBHOOK).")
    String url;

    /** The webhook, checked before any work (a bad address is exit 2); null for none. */
    Webhook webhook(Main main) throws AtomizerException {
        String u = url != null ? url : main.env.get(Webhook.VARIABLE);
        return u == null || u.isBlank() ? null : Webhook.of(u);
    }
}
