package dev.atomizer.api;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Posts a message to an incoming webhook (Discord, Slack, or anything that takes a JSON post):
 * {@code https://} only, or {@code http://} to this machine (tests, a local relay); a timeout on
 * each attempt and one retry. A webhook's address is a secret (whoever has it can post to the
 * channel): messages name its host, never its path.
 */
public final class Webhook {

    /** The environment variable that names the webhook when {@code --notify} does not. */
    public static final String VARIABLE = "ATOMIZER_WEBHOOK";

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration PAUSE = Duration.ofSeconds(1);

    private final URI uri;

    private Webhook(URI uri) {
        this.uri = uri;
    }

    /** The webhook at {@code url}, checked: an address that is not allowed is a usage error. */
    public static Webhook of(String url) throws AtomizerException {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new AtomizerException("the webhook address is not a URL; give an https:// address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && loopback(uri.getHost()))) {
            throw new AtomizerException("the webhook address must be https:// (http:// only to localhost), not "
                    + (scheme.isEmpty()
                            ? "a relative address"
                            : scheme + "://" + (uri.getHost() == null ? "" : uri.getHost())));
        }
        return new Webhook(uri);
    }

    private static boolean loopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name: not resolved, so no lookup can make it loopback
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Where it posts, as messages may show it: the scheme and host, not the secret path. */
    public String shown() {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /**
     * Posts {@code json}; a failure (no answer in time, a refused connection, a status other than 2xx)
     * is tried once more after a pause.
     *
     * @throws AtomizerException with one line saying what the second attempt met
     */
    public void post(String json) throws AtomizerException {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        String failure = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    return;
                }
                failure = "HTTP " + r.statusCode();
            } catch (IOException e) {
                failure = e instanceof java.net.http.HttpTimeoutException
                        ? "no answer in " + TIMEOUT.toSeconds() + " s"
                        : e.getClass().getSimpleName()
                                + (e.getMessage() == null
                                        ? ""
                                        : ": " + e.getMessage().replace(uri.toString(), shown()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
                break;
            }
            if (attempt == 1) {
                try {
                    Thread.sleep(PAUSE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new AtomizerException("cannot send to the webhook at " + shown() + ": " + failure + " (tried twice)");
    }
}
