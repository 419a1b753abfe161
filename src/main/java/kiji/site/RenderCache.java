package kiji.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpFields;

/**
 * Keeps rendered public answers (pages, feeds, sitemaps, the public API) in memory, bounded
 * by their size in bytes, and answers revalidations with 304.
 *
 * <p>Every answer gets a strong {@code ETag} (a hash of its bytes), {@code Last-Modified} (when
 * it was rendered) and the {@code Cache-Control} of its {@link Rule}. Because the ETag is the
 * content's hash, it changes exactly when what the reader gets changes: the article, its
 * category listing, or the ranking widget every page embeds. The cache is emptied on every
 * article event (see {@link #invalidateAll()}) and whenever the ranking widget differs from the
 * one the cached pages show, and entries live at most {@code ttl}, so a scheduled article —
 * which becomes public by the clock, without an event — shows up within that time.
 *
 * <p>Misses that arrive while the same answer is being rendered wait for that render instead of
 * repeating it ({@link RenderFlights}), so emptying the cache under a news spike costs one render
 * per page, not one per waiting reader.
 */
public final class RenderCache {
    /** Answers whose path {@code paths} accepts are cached with this policy. */
    public record Rule(Predicate<String> paths, String cacheControl) {
        public enum Match { EXACT, PREFIX, SUFFIX }

        /** Paths that are, start with or end with {@code text}. */
        public Rule(Match match, String text, String cacheControl) {
            this(switch (match) {
                case EXACT -> path -> path.equals(text);
                case PREFIX -> path -> path.startsWith(text);
                case SUFFIX -> path -> path.endsWith(text);
            }, cacheControl);
        }

        boolean matches(String path) {
            return paths.test(path);
        }
    }

    /** {@code wireType}: the Content-Type as the servlet API writes it, for {@link CachedPageLane}. */
    record Entry(byte[] body, String contentType, String wireType, String etag, long renderedAt, String lastModified,
                 String cacheControl, Precompressed compressed) {}

    private static final String GENERATION = "kiji.renderCache.generation";
    private static final String RULE = "kiji.renderCache.rule";
    private static final String FLIGHT = "kiji.renderCache.flight";
    /** How long a miss waits for the same page's running render before rendering it itself. */
    private static final Duration PATIENCE = Duration.ofSeconds(2);

    private final Cache<String, Entry> cache;
    private final List<Rule> rules;
    private final RankingWidget.Source ranking;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<RankingWidget> shownWidget = new AtomicReference<>();
    private final List<Consumer<Context>> servedHitListeners = new CopyOnWriteArrayList<>();
    private final RenderFlights flights;
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();

    public RenderCache(List<Rule> rules, RankingWidget.Source ranking, Clock clock, long maxBytes, Duration ttl) {
        this(rules, ranking, clock, maxBytes, ttl, PATIENCE);
    }

    /** {@code patience}: how long a miss waits for the same page's running render. */
    RenderCache(List<Rule> rules, RankingWidget.Source ranking, Clock clock, long maxBytes, Duration ttl,
                Duration patience) {
        this.flights = new RenderFlights(patience);
        this.rules = List.copyOf(rules);
        this.ranking = ranking;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                // plain bytes plus, at most, their brotli and gzip copies
                .weigher((String key, Entry e) -> 2 * e.body().length + 2 * key.length() + 200)
                .expireAfterWrite(ttl)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    /** Forgets every rendered answer; called on publish, update, unpublish and delete. */
    public void invalidateAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /** Answers served from the cache (fast lane or Javalin), 304s included, since start. */
    public long hits() {
        return hits.sum();
    }

    /** Requests for a kept path that had to be rendered, since start. */
    public long misses() {
        return misses.sum();
    }

    void countHit() {
        hits.increment();
    }

    public long size() {
        return cache.estimatedSize();
    }

    /**
     * Runs {@code listener} on every answer served from the cache through Javalin. A hit skips
     * the remaining handlers, after-handlers included, so work that must see every served page
     * (count-on-render) registers here as well as after the page's route.
     */
    public void onServedHit(Consumer<Context> listener) {
        servedHitListeners.add(listener);
    }

    public void register(RoutesConfig routes) {
        routes.before(this::beforeHandler);
        routes.after(this::afterHandler);
    }

    /**
     * A {@code GET}'s kept answer for {@link CachedPageLane}: the same widget check and lookup
     * as the Javalin before-handler; empty for a path the cache does not keep, or a miss.
     */
    Optional<Entry> hit(String path, String query) {
        if (rule(path).isEmpty()) return Optional.empty();
        checkWidget(ranking.widget());
        return Optional.ofNullable(cache.getIfPresent(key(path, query)));
    }

    /**
     * {@link #hit} from memory only, for the lane that runs on Jetty's selector thread: also
     * empty when the widget check would first recompute a ranking (the pooled lane then asks).
     */
    Optional<Entry> hitWithoutWaiting(String path, String query) {
        if (rule(path).isEmpty()) return Optional.empty();
        var widget = ranking.widgetWithoutWaiting();
        if (widget.isEmpty()) return Optional.empty();
        checkWidget(widget.get());
        return Optional.ofNullable(cache.getIfPresent(key(path, query)));
    }

    /**
     * Kept answers as a plain Jetty handler for the server's fast lane (see {@link CachedPageLane});
     * {@code securityHeaders} are the headers every answer carries.
     */
    public CachedPageLane lane(HttpFields securityHeaders) {
        return new CachedPageLane(this, securityHeaders, false);
    }

    /**
     * The same lane, non-blocking: it answers only what it can from memory at once and leaves
     * the rest (a ranking to recompute, a compressed copy not made yet, misses) to {@link #lane}.
     */
    public CachedPageLane laneWithoutWaiting(HttpFields securityHeaders) {
        return new CachedPageLane(this, securityHeaders, true);
    }

    private void beforeHandler(Context ctx) {
        if (ctx.method() != HandlerType.GET) return;
        var rule = rule(ctx.path());
        if (rule.isEmpty()) return;
        checkWidget(ranking.widget());
        ctx.attribute(GENERATION, generation.get());
        ctx.attribute(RULE, rule.get());
        var key = key(ctx.path(), ctx.queryString());
        var hit = Optional.ofNullable(cache.getIfPresent(key));
        if (hit.isEmpty()) {
            var flight = flights.lead(key);
            if (flight.isPresent()) {
                misses.increment();
                ctx.attribute(FLIGHT, flight.get()); // this request renders; the after-handler lands it
                return;
            }
            hit = flights.waitFor(key).or(() -> Optional.ofNullable(cache.getIfPresent(key)));
            // nothing kept: render for itself, like any miss (only the leader's render is shared)
        }
        if (hit.isEmpty()) misses.increment();
        if (hit.isPresent()) {
            hits.increment();
            write(ctx, hit.get());
            servedHitListeners.forEach(l -> l.accept(ctx));
            ctx.skipRemainingHandlers();
        }
    }

    /** Pages embed the widget: when it changed, every kept page shows a stale one. */
    private void checkWidget(RankingWidget widget) {
        var shown = shownWidget.get();
        if (!widget.equals(shown) && shownWidget.compareAndSet(shown, widget)) invalidateAll();
    }

    private void afterHandler(Context ctx) {
        RenderFlights.Flight flight = ctx.attribute(FLIGHT);
        Optional<Entry> kept = Optional.empty();
        try {
            kept = keep(ctx);
        } finally {
            if (flight != null) flights.land(flight, kept);
        }
    }

    /** Stores and writes a fresh 200 of a kept path; the entry if the cache kept it. */
    private Optional<Entry> keep(Context ctx) {
        Long seen = ctx.attribute(GENERATION);
        Rule rule = ctx.attribute(RULE);
        if (seen == null || rule == null || ctx.statusCode() != 200 || ctx.resultInputStream() == null) {
            return Optional.empty();
        }
        if (ctx.res().getHeader("Cache-Control") != null) return Optional.empty(); // the handler decided
        byte[] body;
        try (var in = ctx.resultInputStream()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var type = Optional.ofNullable(ctx.res().getHeader("Content-Type")).orElse("text/html");
        // Javalin's html() leaves the charset to the page's <meta>; say it in the header too
        if (type.startsWith("text/") && !type.contains("charset")) type += "; charset=utf-8";
        long now = clock.millis();
        var entry = new Entry(body, type, CachedPageLane.servletForm(type), HttpValidators.etagOf(body), now,
                HttpValidators.httpDate(now), rule.cacheControl(), new Precompressed(body));
        write(ctx, entry);
        // Store only if nothing changed while rendering: else the page may show the old state.
        if (generation.get() != seen) return Optional.empty();
        cache.put(key(ctx.path(), ctx.queryString()), entry);
        return Optional.of(entry);
    }

    /** Renders running now that other readers of the same page wait for (for tests and metrics). */
    int rendersInFlight() {
        return flights.inFlight();
    }

    /** Readers waiting now for another request's render of the same answer. */
    int readersWaiting() {
        return flights.waiting();
    }

    private static void write(Context ctx, Entry e) {
        ctx.header("ETag", e.etag());
        ctx.header("Last-Modified", e.lastModified());
        ctx.header("Cache-Control", e.cacheControl());
        ctx.header("Vary", "Accept-Encoding");
        ctx.contentType(e.contentType());
        if (HttpValidators.notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), e.etag(),
                e.renderedAt())) {
            ctx.status(304);
            ctx.result(new byte[0]);
        } else {
            e.compressed().result(ctx);
        }
    }

    private Optional<Rule> rule(String path) {
        for (var r : rules) if (r.matches(path)) return Optional.of(r); // first match wins
        return Optional.empty();
    }

    private static String key(String path, String query) {
        return query == null ? path : path + "?" + query;
    }
}
