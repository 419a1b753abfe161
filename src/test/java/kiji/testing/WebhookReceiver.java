package kiji.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook receiver on a loopback port (the JDK's HTTP server): answers 204, keeps each event's name. */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<String> events = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            var receiver = new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            receiver.server.createContext("/hook", exchange -> {
                exchange.getRequestBody().readAllBytes();
                receiver.events.add(exchange.getRequestHeaders().getFirst("X-Kiji-Event"));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            receiver.server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL to register as a webhook. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The {@code X-Kiji-Event} of each delivery received so far, in order. */
    public List<String> events() {
        return events;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
