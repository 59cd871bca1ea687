package dev.atomizer.maven;

import dev.atomizer.Atomizer;
import dev.atomizer.api.Alert;
import dev.atomizer.api.Alerts;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Severity;
import dev.atomizer.api.Webhook;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The watchdog, as {@code atomizer alerts} runs it: alerts as of the wall clock in the contract's
 * time zone (the log or an agent silent too long, the exec summary behind its sources, a weekly
 * report past due, decisions, blocked work, failures and budgets overdue), posted to a webhook when
 * one is given. Fails the build when an alert is an error. Not bound to a phase.
 */
@Mojo(name = "alerts", threadSafe = true)
public class AlertsMojo extends AbstractAtomizerMojo {

    /** The moment to judge, {@code YYYY-MM-DD HH:MM} in the contract's time zone (default: the wall clock). */
    @Parameter(property = "atomizer.now")
    private String now;

    /** An incoming webhook (Discord, Slack) to post the alerts to, if any (default: {@code $ATOMIZER_WEBHOOK}). */
    @Parameter(property = "atomizer.notify")
    private String notify;

    @Override
    protected void process() throws AtomizerException, MojoFailureException {
        String url = notify != null ? notify : System.getenv(Webhook.VARIABLE);
        Webhook hook = url == null || url.isBlank() ? null : Webhook.of(url);
        Alerts r = Atomizer.at(workspace(), Map.of(), root.toPath())
                .alerts(now == null ? null : Atomizer.asOf(now, "atomizer.now"));
        for (Alert a : r.alerts()) {
            if (a.severity() == Severity.ERROR) {
                getLog().error(a.toText());
            } else {
                getLog().warn(a.toText());
            }
        }
        getLog().info("Atomizer: " + r.summaryLine());
        if (hook != null && !r.alerts().isEmpty()) {
            hook.post(r.webhookBody(root.getName()));
            getLog().info("Atomizer: sent to the webhook at " + hook.shown());
        }
        if (r.errors() > 0 && failOnViolation) {
            throw new MojoFailureException("atomizer:alerts: " + r.summaryLine() + " (listed above)");
        }
    }
}
