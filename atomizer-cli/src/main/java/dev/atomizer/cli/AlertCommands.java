package dev.atomizer.cli;

import dev.atomizer.Atomizer;
import dev.atomizer.api.AtomizerException;
import dev.atomizer.api.Webhook;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The watchdog and the contract's announcements: {@code alerts}, {@code contract-diff}. */
final class AlertCommands {

    private AlertCommands() {}

    /** What the messages call the repository: GitHub's owner/name, else its folder's name. */
    static String where(Main main) {
        String repo = main.env.get("GITHUB_REPOSITORY");
        if (repo != null && !repo.isBlank()) {
            return repo;
        }
        Path name = main.cwd.getFileName();
        return name == null ? null : name.toString();
    }

    @Command(
            name = "alerts",
            header = "The watchdog: what needs attention now, by the wall clock; sent to a webhook if asked.",
            description = {
                "Alerts as of the wall clock in the contract's time zone (or --now), not as of the newest entry:",
                "the log silent past the contract's Silence alert (default 6 hours), an agent silent past the",
                "Silent after of the Agents table, the committed exec summary behind its sources by more than",
                "the K1 target, a weekly report past its due time and not committed, decisions, blocked work,",
                "unrecovered failures and budgets overdue as the dashboards compute them.",
                "Exit 1 when an alert is an error. With --notify URL (or ATOMIZER_WEBHOOK) the alerts, if any,",
                "are posted to a Discord or Slack incoming webhook; a failure to send is exit 2, after the alerts."
            })
    static final class Alerts extends CommandBase {

        @Option(
                names = "--now",
                paramLabel = "'YYYY-MM-DD HH:MM'",
                description = "The moment to judge, in the contract's time zone (default: the wall clock).")
        String now;

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                defaultValue = "text",
                description = "Output format: text, json, markdown or github (default: text).")
        String format;

        @Mixin
        NotifyOption notify;

        @Override
        public Integer call() throws AtomizerException {
            if (!dev.atomizer.api.Alerts.FORMATS.contains(format)) {
                throw new AtomizerException("unknown format '" + format + "'; use one of "
                        + String.join(", ", dev.atomizer.api.Alerts.FORMATS));
            }
            LocalDateTime at = now == null ? null : Atomizer.asOf(now, "--now");
            Webhook hook = notify.webhook(main);
            dev.atomizer.api.Alerts r = atomizer().alerts(at);
            main.out.print(r.render(format));
            main.out.flush();
            main.err.println("atomizer: " + r.summaryLine());
            if (hook != null && !r.alerts().isEmpty()) {
                hook.post(r.webhookBody(where(main)));
                main.err.println("atomizer: sent to the webhook at " + hook.shown());
            }
            return r.errors() > 0 ? Main.VIOLATIONS : Main.OK;
        }
    }

    @Command(
            name = "contract-diff",
            header = "What a range changed in the contract, to announce to every agent.",
            description = {
                "Event types, statuses, fields, agents, approvers and their keys, governed paths, settings,",
                "dashboard sections and rule severities added, removed or changed between two commits.",
                "With --notify URL (or ATOMIZER_WEBHOOK) the changes, if any, are posted to the webhook."
            })
    static final class ContractDiff extends CommandBase {

        @Parameters(index = "0", paramLabel = "BASE", description = "The commit before.")
        String base;

        @Parameters(index = "1", paramLabel = "HEAD", defaultValue = "HEAD", description = "The commit after.")
        String head;

        @Mixin
        NotifyOption notify;

        @Override
        public Integer call() throws AtomizerException {
            Webhook hook = notify.webhook(main);
            List<String> changes = atomizer().contractDiff(base, head);
            for (String c : changes) {
                main.out.println("- " + c);
            }
            main.out.flush();
            main.err.println("atomizer: " + (changes.isEmpty() ? "no" : changes.size()) + " contract change"
                    + (changes.size() == 1 ? "" : "s") + " in " + base + ".." + head);
            if (hook != null && !changes.isEmpty()) {
                String where = where(main);
                hook.post(Atomizer.webhookMessage("📜 The contract changed" + (where == null ? "" : " in " + where)
                        + " (" + base + ".." + head + "):\n- " + String.join("\n- ", changes)));
                main.err.println("atomizer: sent to the webhook at " + hook.shown());
            }
            return Main.OK;
        }
    }
}
