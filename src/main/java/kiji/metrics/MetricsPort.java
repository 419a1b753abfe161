package kiji.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * {@code --metrics-port}: {@code GET /metrics} alone on a port of its own (the JDK's small HTTP
 * server, one thread), so a firewall can keep it apart from the public one. Same token check.
 */
public final class MetricsPort implements AutoCloseable {
    private final HttpServer server;

    private MetricsPort(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code host:port} (0 picks a free port). */
    public static MetricsPort open(String host, int port, MetricsRoutes routes) {
        try {
            var server = HttpServer.create(new InetSocketAddress(host, port), 16);
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                var t = new Thread(r, "kiji-metrics");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/", exchange -> answer(exchange, routes));
            server.start();
            return new MetricsPort(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for metrics on " + host + ":" + port, e);
        }
    }

    private static void answer(HttpExchange exchange, MetricsRoutes routes) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            } else if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
            } else if (!routes.authorized(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                send(exchange, 401, "text/plain; charset=utf-8", "an admin API token is required\n");
            } else {
                send(exchange, 200, MetricsRoutes.CONTENT_TYPE, routes.metrics().scrape());
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
