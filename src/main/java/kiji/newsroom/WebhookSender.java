package kiji.newsroom;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kiji.storage.Lease;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued webhook deliveries. Each POST carries the JSON payload and
 * {@code X-Kiji-Signature: sha256=HEX}, the HMAC-SHA256 of {@code TIMESTAMP.BODY} with the hook's
 * secret, where TIMESTAMP is {@code X-Kiji-Timestamp} (epoch seconds; receivers should refuse
 * old ones, which stops replays). A 2xx is delivered; anything else is retried after 30 s,
 * 1, 2, 4 and 8 minutes, then marked failed. The admin page shows every attempt's outcome.
 * With several nodes sharing the database, only the node holding the {@link #LEASE} lease sends,
 * so a delivery is not sent once per node.
 */
public final class WebhookSender implements AutoCloseable {
    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    public static final String LEASE = "webhook-sender";
    /** A round sends at most 50 deliveries of at most 15 s each; renewed before each one. */
    public static final Duration LEASE_DURATION = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Lease lease;
    // Built on the first delivery (guarded by this): an HttpClient loads the TLS stack, about a
    // second of the start on a small machine, and most sites have no webhook at all.
    private HttpClient http;
    private ScheduledExecutorService executor;

    WebhookSender(Jdbi jdbi, Clock clock, Lease lease) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.lease = lease;
    }

    private record Due(long id, String url, String secret, String event, String payload, int attempts) {}

    /** Sends every delivery whose time has come; returns how many were attempted. */
    public synchronized int deliverDue() {
        var due = jdbi.withHandle(h -> h.createQuery("""
                        SELECT d.id, w.url, w.secret, d.event, d.payload, d.attempts FROM webhook_delivery d
                        JOIN webhook w ON w.id = d.webhook_id
                        WHERE d.state = 'pending' AND d.next_attempt_at <= :now ORDER BY d.id LIMIT 50""")
                .bind("now", clock.millis())
                .map((rs, ctx) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .list());
        int attempted = 0;
        for (var d : due) {
            if (!lease.tryHold()) break; // lost to another node (this one paused too long): it sends the rest
            attempt(d);
            attempted++;
        }
        return attempted;
    }

    private void attempt(Due d) {
        Integer status = null;
        String error = null;
        try {
            long timestamp = clock.instant().getEpochSecond();
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NEVER).build();
            }
            var response = http.send(HttpRequest.newBuilder(URI.create(d.url()))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header("User-Agent", "Kiji-Webhook/1")
                            .header("X-Kiji-Event", d.event())
                            .header("X-Kiji-Delivery", String.valueOf(d.id()))
                            .header("X-Kiji-Timestamp", String.valueOf(timestamp))
                            .header("X-Kiji-Signature", "sha256=" + sign(d.secret(), timestamp + "." + d.payload()))
                            .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status > 299) error = "HTTP " + status;
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int attempts = d.attempts() + 1;
        String state = error == null ? "delivered" : attempts >= MAX_ATTEMPTS ? "failed" : "pending";
        long next = clock.millis() + FIRST_RETRY.toMillis() * (1L << Math.min(attempts - 1, 10));
        var lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        var lastStatus = status;
        boolean ok = error == null;
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE webhook_delivery SET state = :state, attempts = :attempts, next_attempt_at = :next,
                               last_status = :status, last_error = :error, delivered_at = :delivered WHERE id = :id""")
                .bind("state", state).bind("attempts", attempts).bind("next", next).bind("status", lastStatus)
                .bind("error", lastError).bind("delivered", ok ? Long.valueOf(clock.millis()) : null).bind("id", d.id())
                .execute());
        if (error != null) log.info("webhook delivery {} to {} failed ({}), state {}", d.id(), d.url(), error, state);
    }

    static String sign(String secret, String message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void start() {
        if (executor != null) return;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "kiji-webhooks");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                if (lease.tryHold()) deliverDue();
            } catch (RuntimeException e) {
                log.warn("webhook delivery round failed", e);
            }
        }, 1, 5, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        if (executor == null) return;
        executor.shutdownNow();
        executor = null;
        lease.release();
    }
}
