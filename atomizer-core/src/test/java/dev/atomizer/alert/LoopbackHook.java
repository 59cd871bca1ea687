package dev.atomizer.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An incoming webhook served on loopback for tests: it answers every post with one status and keeps
 * what it was sent. Its path holds a "secret" that no message may show.
 */
public final class LoopbackHook implements AutoCloseable {

    /** The part of the path that stands for a webhook's token. */
    public static final String SECRET = "secret-token";

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    public LoopbackHook(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/webhooks/123/" + SECRET, exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/api/webhooks/123/" + SECRET;
    }

    /** The bodies of the posts, in the order they came. */
    public List<String> bodies() {
        return bodies;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
