package kiji.newsroom;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
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
 * Sends queued webhook deliveries. Each POST carries the JSON payload,
 * {@code X-Kiji-Delivery: ID} (the same on every attempt of one delivery: receivers drop a
 * repeat by it) and {@code X-Kiji-Signature: sha256=HEX}, the HMAC-SHA256 of
 * {@code TIMESTAMP.BODY} with the hook's secret, where TIMESTAMP is {@code X-Kiji-Timestamp}
 * (epoch seconds; receivers should refuse old ones, which stops replays). A 2xx is delivered;
 * anything else is retried after 30 s, 1, 2, 4 and 8 minutes, then marked failed. The admin page
 * shows every attempt's outcome.
 *
 * <p>With several nodes sharing the database, only the node holding the {@link #LEASE} lease
 * runs rounds, and each delivery is first claimed in one statement ({@code state = 'sending'}
 * with a token, for {@link #CLAIM}); only the claimer sends it and records the outcome. So no two
 * nodes ever have one delivery in flight, even when a paused node loses the lease mid-round. A
 * POST is repeated only when no 2xx was recorded for it: the receiver failed, or the node died
 * or stalled after sending and before recording (its claim expires and another node sends again).
 */
public final class WebhookSender implements AutoCloseable {
    static final int MAX_ATTEMPTS = 6;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    public static final String LEASE = "webhook-sender";
    /** A round sends at most 50 deliveries of at most 15 s each; renewed before each one. */
    public static final Duration LEASE_DURATION = Duration.ofSeconds(30);
    /** How long a claimed delivery is this node's; a claim past it is taken again (its node died). */
    static final Duration CLAIM = Duration.ofSeconds(60);
    /** The longest a POST may take: connecting, then the answer's headers; the whole exchange, body included, at most their sum. */
    private static final Duration CONNECT = Duration.ofSeconds(5);
    private static final Duration ANSWER = Duration.ofSeconds(10);
    static final Duration EXCHANGE = CONNECT.plus(ANSWER);
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final Lease lease;
    private final SecureRandom random = new SecureRandom();
    // Built on the first delivery (guarded by this): an HttpClient loads the TLS stack, about a
    // second of the start on a small machine, and most sites have no webhook at all.
    private HttpClient http;
    private ScheduledExecutorService executor;
    // A receiver trickling its answer's body would hold a POST past its claim: the exchange is cut here.
    private final Duration exchange;

    WebhookSender(Jdbi jdbi, Clock clock, Lease lease) {
        this(jdbi, clock, lease, EXCHANGE);
    }

    /** @param exchange the longest a whole POST may take (tests shorten it) */
    WebhookSender(Jdbi jdbi, Clock clock, Lease lease, Duration exchange) {
        this.exchange = exchange;
        this.jdbi = jdbi;
        this.clock = clock;
        this.lease = lease;
    }

    private record Due(long id, String url, String secret, String event, String payload) {}

    /** Sends every delivery whose time has come and that this node could claim; returns how many were attempted. */
    public synchronized int deliverDue() {
        var due = jdbi.withHandle(h -> h.createQuery("""
                        SELECT d.id, w.url, w.secret, d.event, d.payload FROM webhook_delivery d
                        JOIN webhook w ON w.id = d.webhook_id
                        WHERE (d.state = 'pending' AND d.next_attempt_at <= :now)
                           OR (d.state = 'sending' AND d.claimed_until <= :now)
                        ORDER BY d.id LIMIT 50""")
                .bind("now", clock.millis())
                .map((rs, ctx) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list());
        int attempted = 0;
        for (var d : due) {
            if (!lease.tryHold()) break; // lost to another node (this one paused too long): it sends the rest
            var claim = claim(d.id());
            if (claim.isEmpty()) continue; // another node has it, or finished it since the list was read
            if (attempt(d, claim.get())) attempted++;
        }
        return attempted;
    }

    /** This node's hold on one delivery: the token that lets it record the outcome, the attempt it is, and until when. */
    private record Claim(String token, int attempt, long until) {}

    /** Claims a due delivery in one statement, so two nodes cannot both win it. */
    private Optional<Claim> claim(long id) {
        var token = newToken();
        long now = clock.millis();
        long until = now + CLAIM.toMillis();
        return jdbi.withHandle(h -> h.createQuery("""
                        UPDATE webhook_delivery SET state = 'sending', claim_token = :token, claimed_until = :until,
                               attempts = attempts + 1
                        WHERE id = :id AND ((state = 'pending' AND next_attempt_at <= :now)
                                            OR (state = 'sending' AND claimed_until <= :now))
                        RETURNING attempts""")
                .bind("token", token).bind("until", until).bind("id", id).bind("now", now)
                .mapTo(Integer.class).findOne())
                .map(attempt -> new Claim(token, attempt, until));
    }

    /**
     * The POST, cut after {@link #exchange} however the receiver answers: the request's own timeout
     * stops at the answer's headers, and a body trickled byte by byte would keep it going.
     */
    private HttpResponse<Void> post(HttpRequest request) throws java.io.IOException, InterruptedException {
        var sending = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            return sending.get(exchange.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            sending.cancel(true);
            throw new java.net.http.HttpTimeoutException("no whole answer within " + exchange.toSeconds() + " s");
        } catch (InterruptedException e) {
            sending.cancel(true);
            throw e;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.io.IOException io) throw io;
            if (e.getCause() instanceof IllegalArgumentException bad) throw bad;
            throw new java.io.IOException(e.getCause());
        }
    }

    /** Sends one claimed delivery and records the outcome; false when the claim ran out before the POST could. */
    private boolean attempt(Due d, Claim claim) {
        // a POST that could still be under way when the claim expires might meet another node's retry
        if (clock.millis() + exchange.toMillis() >= claim.until()) {
            log.warn("webhook delivery {}: claimed too long ago (this node stalled); left to the next round", d.id());
            return false;
        }
        Integer status = null;
        String error = null;
        try {
            long timestamp = clock.instant().getEpochSecond();
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(CONNECT)
                        .followRedirects(HttpClient.Redirect.NEVER).build();
            }
            var response = post(HttpRequest.newBuilder(URI.create(d.url()))
                            .timeout(ANSWER)
                            .header("Content-Type", "application/json; charset=utf-8")
                            .header("User-Agent", "Kiji-Webhook/1")
                            .header("X-Kiji-Event", d.event())
                            .header("X-Kiji-Delivery", String.valueOf(d.id()))
                            .header("X-Kiji-Timestamp", String.valueOf(timestamp))
                            .header("X-Kiji-Signature", "sha256=" + sign(d.secret(), timestamp + "." + d.payload()))
                            .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                            .build());
            status = response.statusCode();
            if (status < 200 || status > 299) error = "HTTP " + status;
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the claim expires and another node sends it
            return true;
        }
        int attempts = claim.attempt();
        String state = error == null ? "delivered" : attempts >= MAX_ATTEMPTS ? "failed" : "pending";
        long next = clock.millis() + FIRST_RETRY.toMillis() * (1L << Math.min(attempts - 1, 10));
        var lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        var lastStatus = status;
        boolean ok = error == null;
        int recorded = jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE webhook_delivery SET state = :state, next_attempt_at = :next, last_status = :status,
                               last_error = :error, delivered_at = :delivered, claim_token = NULL, claimed_until = NULL
                        WHERE id = :id AND claim_token = :token""")
                .bind("state", state).bind("next", next).bind("status", lastStatus).bind("error", lastError)
                .bind("delivered", ok ? Long.valueOf(clock.millis()) : null).bind("id", d.id())
                .bind("token", claim.token()).execute());
        if (recorded == 0) {
            log.warn("webhook delivery {}: its claim was taken over while this node sent it; outcome {} not recorded",
                    d.id(), ok ? "delivered" : error);
        } else if (error != null) {
            log.info("webhook delivery {} to {} failed ({}), state {}", d.id(), d.url(), error, state);
        }
        return true;
    }

    private String newToken() {
        var bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
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
