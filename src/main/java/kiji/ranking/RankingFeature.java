package kiji.ranking;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.Permalinks;
import kiji.site.RankingWidget;
import org.eclipse.jetty.http.HttpFields;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The most-read ranking, built and connected: recording (bots, repeats, buckets), the flush
 * to the shared buckets, this node's memory copy of them, cached rankings, the routes and the
 * sidebar widget. {@link #close()} flushes every pending view.
 */
public final class RankingFeature implements AutoCloseable, RankingWidget.Source {
    private static final Logger log = LoggerFactory.getLogger(RankingFeature.class);
    static final long SYNC_MILLIS = 3000;
    private static final long BOT_FILTER_DELAY_MILLIS = 1000;
    private static final int MAX_REMEMBERED_REPEATS = 2_000_000;

    private final ViewRecorder recorder;
    private final ViewFlusher flusher;
    private final BucketMirror mirror;
    private final RankingCache cache;
    private final RankingWidgets widgets;
    private final ViewCounting counting;
    private final Beacon beacon;
    private final TrustedProxies proxies;
    private final ObjectMapper json;
    private final ViewImport importer;
    private final RankingApi api;
    private final RankingRoutes routes;
    private final HourBucketStore store;
    private final ArticleLookup lookup;
    private final ScheduledExecutorService syncTimer;
    private final DeferredBotFilter bots = new DeferredBotFilter();

    public RankingFeature(Jdbi jdbi, ArticleStore articles, CategoryStore categories, ArticleService articleService,
                          Permalinks permalinks,
                          RankingSettings settings, ObjectMapper json, Clock clock) {
        this.store = new HourBucketStore(jdbi);
        var pending = new PendingViews();
        this.recorder = new ViewRecorder(bots, new RepeatGuard(MAX_REMEMBERED_REPEATS), pending);
        this.flusher = new ViewFlusher(pending, store);
        this.mirror = new BucketMirror(store, clock);
        var ranking = new Ranking(store, Optional.of(mirror), articles, permalinks, clock);
        this.cache = new RankingCache(ranking, System::nanoTime);
        this.widgets = new RankingWidgets(cache);
        this.lookup = new ArticleLookup(articles, clock);
        articleService.addListener(lookup);
        articleService.addListener(e -> cache.clear());
        this.counting = new ViewCounting(lookup, new VisitorId.Deriver(new VisitorSalts(jdbi)), recorder, clock);
        this.importer = new ViewImport(articles, store, recorder.bots());
        this.beacon = new Beacon(counting, json);
        this.proxies = settings.trustedProxies();
        this.json = json;
        this.api = new RankingApi(beacon, cache, importer, store, articles, categories, json, clock, this::refresh);
        this.routes = new RankingRoutes(api, settings, permalinks, counting);
        this.syncTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "kiji-ranking-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Loads the buckets and starts the flush (every second) and the sync (every 3 s); the bot
     * filter is built a second later, off the path to the first pages (see {@link DeferredBotFilter}).
     */
    public RankingFeature start() {
        mirror.sync();
        flusher.start();
        syncTimer.scheduleWithFixedDelay(this::syncQuietly, SYNC_MILLIS, SYNC_MILLIS, TimeUnit.MILLISECONDS);
        syncTimer.schedule(bots::get, BOT_FILTER_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    public void register(RoutesConfig config) {
        routes.register(config);
    }

    /**
     * {@code POST /api/views} as a plain Jetty handler for the server's fast lane (see
     * {@link BeaconLane}); {@code securityHeaders} are the headers every answer carries.
     */
    public BeaconLane beaconLane(HttpFields securityHeaders) {
        return new BeaconLane(beacon, proxies, securityHeaders, json);
    }

    /**
     * {@code GET /api/ranking} as a plain Jetty handler for the server's fast lane (see
     * {@link RankingApiLane}); {@code securityHeaders} are the headers every answer carries.
     */
    public RankingApiLane rankingLane(HttpFields securityHeaders) {
        return new RankingApiLane(api, securityHeaders);
    }

    /** Count-on-render for a page answered without its route (the render cache's hits). */
    public void countRenderedPage(io.javalin.http.Context ctx) {
        routes.countRender(ctx);
    }

    /** The sidebar: 24時間 / 1週間 / 1ヶ月, ten each, from the cache. */
    @Override
    public RankingWidget widget() {
        return widgets.current();
    }

    /** The sidebar if none of its rankings needs recomputing (they are kept 3 s). */
    @Override
    public Optional<RankingWidget> widgetWithoutWaiting() {
        return widgets.currentWithoutWaiting();
    }

    /** A ranking from the cache (a few seconds old at most), as {@code GET /api/ranking} serves it. */
    public RankingResult top(RankingQuery query) {
        return cache.get(query);
    }

    public ViewCounting counting() {
        return counting;
    }

    /** Seconds since this node's views last reached the shared buckets (see {@link ViewFlusher#lagSeconds}). */
    public double flushLagSeconds() {
        return flusher.lagSeconds();
    }

    public HourBucketStore store() {
        return store;
    }

    /**
     * Article {@code id} was changed, possibly on another node sharing the database (the change
     * feed): the beacon's lookup and the cached rankings (titles, links) read it again.
     */
    public void articleChanged(long id) {
        lookup.forget(id);
        cache.clear();
    }

    /** Flushes, re-reads the shared buckets and forgets cached rankings (tests, imports). */
    public void refresh() {
        flusher.flush();
        mirror.sync();
        cache.clear();
    }

    private void syncQuietly() {
        try {
            mirror.sync();
        } catch (RuntimeException e) {
            log.warn("could not read the shared view buckets: {}", e.toString());
        }
    }

    @Override
    public void close() {
        syncTimer.shutdownNow();
        flusher.close();
    }
}
