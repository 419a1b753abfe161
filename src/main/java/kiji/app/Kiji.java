package kiji.app;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import kiji.article.ArticleApi;
import kiji.article.ArticlePhoto;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.MarkdownRenderer;
import kiji.article.Permalinks;
import kiji.article.PhotoUrls;
import kiji.article.ArticleLinks;
import kiji.feed.ArticleMetadata;
import kiji.feed.FeaturedImage;
import kiji.feed.FeedRoutes;
import kiji.feed.FeedSettings;
import kiji.feed.FeedWriter;
import kiji.feed.Publisher;
import kiji.feed.SitemapRoutes;
import kiji.feed.Sitemaps;
import kiji.health.HealthRoutes;
import kiji.metrics.KijiMetrics;
import kiji.metrics.MetricsPort;
import kiji.metrics.MetricsRoutes;
import kiji.metrics.RequestMetrics;
import kiji.ranking.ViewCounting;
import kiji.health.Readiness;
import kiji.importer.OldUrlRoutes;
import kiji.importer.Redirects;
import kiji.importer.SourceMap;
import kiji.newsroom.ApiTokenGuard;
import kiji.newsroom.ArticleJournal;
import kiji.newsroom.ApiTokens;
import kiji.newsroom.FileMediaStore;
import kiji.newsroom.MediaStore;
import kiji.media.S3MediaStore;
import kiji.newsroom.Newsroom;
import kiji.newsroom.Photos;
import kiji.newsroom.Readership;
import kiji.page.FixedPageApi;
import kiji.page.FixedPageRoutes;
import kiji.page.FixedPageService;
import kiji.page.FixedPageStore;
import kiji.page.PagePath;
import kiji.personnel.PersonnelFeature;
import kiji.newsroom.RedirectPages;
import kiji.ranking.RankingFeature;
import kiji.search.ChangeFeed;
import kiji.search.IndexBusyException;
import kiji.search.JapaneseAnalysis;
import kiji.search.StartingSearchIndex;
import kiji.search.SearchIndexer;
import kiji.search.SearchRoutes;
import kiji.search.StoredArticles;
import kiji.search.UserDictionaries;
import kiji.site.ErrorPages;
import kiji.site.NotFoundAnswer;
import kiji.site.Frame;
import kiji.site.RankingWidget;
import kiji.site.RenderCache;
import kiji.site.SiteInfo;
import kiji.site.StaticAssets;
import kiji.site.SitePages;
import kiji.site.SiteRoutes;
import kiji.storage.Database;
import kiji.storage.DatabaseSettings;
import kiji.storage.Lease;
import kiji.storage.Leases;
import kiji.storage.NoticeListener;
import kiji.storage.StorageException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.GracefulHandler;

/** The one place where Kiji's objects are built and connected. */
public final class Kiji implements AutoCloseable {
    private static final Duration SEARCH_PATIENCE = Duration.ofSeconds(5);
    /** How long after the server listens the search index starts opening, unless a search comes first. */
    private static final Duration SEARCH_OPEN_DELAY = Duration.ofSeconds(1);
    public final Config config;
    public final Clock clock;
    public final Database database;
    /** Jobs that run on one node at a time when several share the database. */
    public final Leases leases;
    private final Lease pruneLease;
    public final Permalinks permalinks;
    public final CategoryStore categories;
    public final ArticleStore articles;
    public final ArticleService articleService;
    public final FixedPageService pages;
    public final ApiTokens tokens;
    public final RankingFeature ranking;
    public final StartingSearchIndex search;
    private final ChangeFeed searchChanges;
    private volatile Optional<NoticeListener> changeNotices = Optional.empty();
    private final StoredArticles storedArticles;
    public final RenderCache renderCache;
    public final Newsroom newsroom;
    public final PersonnelFeature personnel;
    /** What {@code GET /readyz} answers: starting, serving (with the database reachable) or draining. */
    public final Readiness readiness;
    private final Javalin web;
    private final MediaStore media;
    private final GracefulHandler inFlight = new GracefulHandler();
    private final RequestMetrics requestMetrics = new RequestMetrics();
    /** {@code GET /metrics} (admin token), also what {@link #serveMetricsOn} serves. */
    public final MetricsRoutes metrics;
    private volatile Optional<MetricsPort> metricsPort = Optional.empty();

    /**
     * Builds Kiji on an open database. A step that fails lets go of all the steps before it took
     * (the search index's lock, threads), last first; the caller still owns {@code database}.
     */
    public static Kiji create(Config config, Database database, Clock clock) {
        return create(config, database, clock, prepareWeb());
    }

    /** @param preparedWeb what {@link #prepareWeb()} returned */
    public static Kiji create(Config config, Database database, Clock clock, PreparedWeb preparedWeb) {
        var acquired = new Acquired();
        try {
            return new Kiji(config, database, clock, preparedWeb, acquired);
        } catch (RuntimeException | Error e) {
            acquired.releaseAfter(e);
            throw e;
        }
    }

    /**
     * Starts building, on a thread of its own, the web parts that need no database (Jackson, the
     * compressors, Jetty's MIME table): {@code kiji serve} calls it before it opens the database,
     * so the two overlap.
     */
    public static PreparedWeb prepareWeb() {
        return new PreparedWeb(WebServer.prepare());
    }

    /** The web parts {@link #prepareWeb()} is building. */
    public static final class PreparedWeb {
        private final CompletableFuture<WebServer.Parts> parts;

        PreparedWeb(CompletableFuture<WebServer.Parts> parts) {
            this.parts = parts;
        }
    }

    private Kiji(Config config, Database database, Clock clock, PreparedWeb preparedWeb, Acquired acquired) {
        this.config = config;
        this.clock = clock;
        this.database = database;
        var steps = new StartupSteps();
        var webParts = preparedWeb.parts; // built on their own thread meanwhile
        this.permalinks = new Permalinks(config.permalinkPattern());
        var jdbi = database.jdbi();
        this.leases = new Leases(jdbi, clock, Leases.thisNode());
        this.readiness = new Readiness(() -> jdbi.useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()),
                System::nanoTime);
        this.categories = new CategoryStore(jdbi);
        this.articles = new ArticleStore(jdbi, database.dialect());
        // Photos first: the renderer gives body photos their srcset, the service checks featured photos.
        var store = openMedia(config);
        this.media = acquired.add(store, store::close);
        var photos = new Photos(jdbi, media, clock, key -> config.media().publicUrl(key).orElseGet(() -> PhotoUrls.SITE.of(key)));
        ArticlePhoto.Library photoLibrary = photos::forArticle;
        var markdown = new MarkdownRenderer(photoLibrary);
        this.articleService = new ArticleService(articles, categories, markdown, clock, photoLibrary);
        var pagePaths = new PagePath(permalinks);
        var pageStore = new FixedPageStore(jdbi);
        this.pages = new FixedPageService(pageStore, pagePaths, markdown, clock);
        this.tokens = new ApiTokens(jdbi, clock);
        steps.done("articles");
        var stored = new StoredArticles(articles);
        this.storedArticles = stored;
        var index = openSearch(config, stored); // the index folder's lock
        this.search = acquired.add(index, index::close);
        articleService.addListener(new SearchIndexer(search));
        // other nodes sharing the database learn of this node's changes, and this node of theirs
        this.searchChanges = ChangeFeed.create(jdbi, search, articles::find, config.dataDir().resolve("index"), clock);
        acquired.add(searchChanges, searchChanges::close);
        articles.addWriteListener(searchChanges::record); // in the article's transaction
        pageStore.addWriteListener(searchChanges::recordPage); // in the page's transaction
        // PostgreSQL: a NOTIFY in the same transaction wakes the other nodes' feeds at the commit
        searchChanges.noticeWith(h -> database.dialect().notifyAtCommit(h, ChangeFeed.CHANNEL));
        searchChanges.onPageChange(pages::changedElsewhere); // another node's: forget the list and cached answers
        // the hourly prune of old change rows: one node (held 90 min, renewed hourly by its holder)
        this.pruneLease = leases.lease("search-change-prune", Duration.ofMinutes(90));
        searchChanges.pruneOnlyWhen(pruneLease::tryHold);
        steps.done("search");

        var json = webParts.join().json(); // one mapper for the ranking, the API and Javalin
        this.ranking = new RankingFeature(jdbi, articles, categories, articleService, permalinks, config.ranking(), json, clock);
        acquired.add(ranking, ranking::close);
        RankingWidget.Source widget = ranking;
        steps.done("ranking");
        var frame = new Frame(config.siteName(), config.baseUrl(), categories, widget,
                () -> pages.published().stream().map(p -> new SiteInfo.Link(p.title(), p.url())).toList());
        // old URLs of an imported site: 301s where a 404 would be, and WordPress's /?p=ID
        var redirects = new Redirects(jdbi, new SourceMap(jdbi),
                id -> articles.findPublic(id, clock.instant()).map(permalinks::of),
                id -> photos.forArticle(id).map(ArticlePhoto::url), clock);
        var errorPages = new ErrorPages(frame).withOldUrls(redirects::target);
        var publisher = new Publisher(config.siteName(), config.baseUrl(),
                new FeaturedImage(config.baseUrl() + StaticAssets.url("kiji-logo.png"), "image/png", 0, 600, 60),
                new FeaturedImage(config.baseUrl() + StaticAssets.url("kiji-og.png"), "image/png", 0, 1200, 630));
        var featuredImages = FeaturedImage.Source.of(photoLibrary, publisher);
        var metadata = new ArticleMetadata(publisher, permalinks, featuredImages);
        var site = new SiteRoutes(new SitePages(articles, categories, permalinks, frame, clock, metadata,
                photoLibrary), permalinks);
        var api = new ArticleApi(articleService, articles, categories, permalinks, json, clock, photoLibrary);
        var guard = new ApiTokenGuard(tokens);
        var searchRoutes = new SearchRoutes(search, stored, categories, permalinks, frame, clock);
        var feedSettings = FeedSettings.fromEnvironment(System.getenv());
        var feeds = new FeedRoutes(articles, categories,
                new FeedWriter(publisher, permalinks, feedSettings, featuredImages), feedSettings, clock);
        var pageApi = new FixedPageApi(pages, json);
        var pageRoutes = new FixedPageRoutes(pages, pagePaths, frame);
        this.renderCache = new RenderCache(CachePolicies.publicAnswers(permalinks, pagePaths::couldBe), widget, clock,
                CachePolicies.MAX_BYTES, CachePolicies.TTL);
        articleService.addListener(event -> renderCache.invalidateAll());
        pages.addListener(renderCache::invalidateAll); // the footer on every page lists them
        // an article changed through another node sharing the database (this node's own: the listener above)
        searchChanges.onChange(id -> {
            renderCache.invalidateAll();
            ranking.articleChanged(id);
        });
        if (config.ranking().countOnRender()) renderCache.onServedHit(ranking::countRenderedPage);
        this.personnel = new PersonnelFeature(jdbi, articleService, articles, categories, permalinks, json, frame,
                clock, renderCache::invalidateAll, new ArticleJournal(jdbi, clock, tokens));
        var sitemaps = new SitemapRoutes(new Sitemaps(new ArticleLinks(jdbi), permalinks, publisher,
                Sitemaps.PROTOCOL_LIMIT,
                () -> pages.published().stream().map(p -> new Sitemaps.PageLink(p.url(), p.updatedAt())).toList(),
                List.of(personnel.sitemap())), publisher, clock);
        steps.done("site, feeds, API");
        var readership = new Readership(ranking.store(), ranking::top, clock);
        var newsroomArticles = new Newsroom.Articles(articleService, articles, categories, permalinks, readership,
                config.baseUrl());
        this.newsroom = new Newsroom(database, clock, tokens, newsroomArticles, photos,
                config.baseUrl().startsWith("https://"), leases);
        acquired.add(newsroom, newsroom::close);
        steps.done("newsroom");
        this.metrics = new MetricsRoutes(new KijiMetrics(new KijiMetrics.Sources(requestMetrics,
                outcome -> ranking.counting().total(switch (outcome) {
                    case "accepted" -> ViewCounting.Result.COUNTED;
                    case "bot" -> ViewCounting.Result.BOT;
                    case "repeat" -> ViewCounting.Result.REPEAT;
                    case "not_public" -> ViewCounting.Result.NOT_PUBLIC;
                    default -> ViewCounting.Result.EDITOR;
                }),
                ranking::flushLagSeconds, renderCache::hits, renderCache::misses, renderCache::size,
                database::meterPool)), tokens::verify);
        // The render cache goes last: on a hit it skips what follows, so every other feature's
        // before-handlers (the newsroom's guard, say) must already have run.
        List<Consumer<RoutesConfig>> features = List.of(new HealthRoutes(readiness)::register, metrics::register,
                guard::register, api::register, pageApi::register, ranking::register, searchRoutes::register,
                personnel::register, newsroom.routes::register, newsroom.fixedPageRoutes(pages),
                new RedirectPages(redirects.book(), newsroom.audit)::register, StaticAssets::register,
                feeds::register, sitemaps::register, new OldUrlRoutes(redirects)::register, site::register,
                renderCache::register);
        // A GET no route matched may still be a fixed page, asked before the 404 (and its old URLs).
        List<NotFoundAnswer> notFound = List.of(pageRoutes);
        // Cached pages, the beacon and the ranking API are answered ahead of Javalin (see FastLane). Count-on-render
        // counts in a Javalin after-handler, so with it on, pages keep going through Javalin.
        var fastLanes = new ArrayList<Handler>();
        if (config.fastLane() && !config.ranking().countOnRender()) {
            fastLanes.add(renderCache.laneWithoutWaiting(WebServer.SecurityHeaders.ALL)); // on the selector thread
            fastLanes.add(renderCache.lane(WebServer.SecurityHeaders.ALL)); // what it declined, on a pool thread
        }
        if (config.fastLane()) {
            fastLanes.add(ranking.beaconLane(WebServer.SecurityHeaders.ALL));
            fastLanes.add(ranking.rankingLane(WebServer.SecurityHeaders.ALL));
        }
        this.web = WebServer.create(webParts.join(), errorPages.withSection("/newsroom", newsroom.routes::renderError), features,
                notFound, fastLanes, List.of(inFlight, requestMetrics), config.host(), config.port());
        steps.done("web server");
    }

    /** Opens the configured database: PostgreSQL when a URL is set, else SQLite under the data folder. */
    public static Database openDatabase(Config config) {
        var steps = new StartupSteps();
        var database = config.dbUrl()
                .map(url -> Database.open(new DatabaseSettings(url, config.dbUser(), config.dbPassword(), 10, 1)))
                .orElseGet(() -> Database.sqlite(config.dataDir()));
        steps.done("database");
        return database;
    }

    /**
     * {@code DATA/media}, or the S3 bucket of {@code KIJI_MEDIA_URL}, checked now: a bucket Kiji
     * cannot use stops the start with its reason.
     */
    public static MediaStore openMedia(Config config) {
        // a plain branch, not Optional.map(S3MediaStore::open): linking that reference made the JVM
        // verify S3MediaStore, loading AWS SDK classes on every start of a site on DATA/media
        if (config.media().s3().isEmpty()) return new FileMediaStore(config.dataDir().resolve("media"));
        return S3MediaStore.open(config.media().s3().get());
    }

    /**
     * The search index, locked now and opened in the background once the server listens (the
     * first page does not need it; searches meanwhile wait up to 5 s, then answer 503); a folder
     * held by another process stops startup with a clear message.
     */
    private StartingSearchIndex openSearch(Config config, StoredArticles stored) {
        try {
            return StartingSearchIndex.lock(config.dataDir().resolve("index"),
                    () -> new JapaneseAnalysis(UserDictionaries.load(config.dataDir().resolve("userdict.txt"))),
                    stored, articles::find, SEARCH_PATIENCE);
        } catch (IndexBusyException e) {
            throw new StorageException(e.getMessage(), e);
        }
    }

    public Kiji start() {
        var steps = new StartupSteps();
        ranking.start();
        steps.done("ranking start");
        web.start(config.host(), config.port());
        steps.done("web server start");
        // A second after the server listens, or at the first search: opening the index and catching
        // up on other nodes' changes cost about a second of CPU, which on a small machine would
        // delay the first pages.
        search.openInBackground(opened -> searchChanges.catchUp(opened, storedArticles), SEARCH_OPEN_DELAY);
        searchChanges.start(storedArticles, Duration.ofSeconds(1));
        changeNotices = database.listen(ChangeFeed.CHANNEL, searchChanges::wake); // the poll stays, as the fallback
        newsroom.start();
        steps.done("newsroom start");
        readiness.serving(Duration.ofSeconds(1));
        return this;
    }

    public int port() {
        return web.port();
    }

    /** Serves {@code GET /metrics} also on {@code port} of the configured host ({@code --metrics-port}); 0 picks one. */
    public synchronized MetricsPort serveMetricsOn(int port) {
        var opened = MetricsPort.open(config.host(), port, metrics);
        metricsPort = Optional.of(opened);
        return opened;
    }

    /**
     * A node asked to stop (SIGTERM): unready at once, still serving for {@code grace} so the
     * balancer's health check notices, then {@link #close()}: requests in flight finish, pending
     * views are flushed.
     */
    public void shutdown(Duration grace) {
        readiness.drain();
        try {
            Thread.sleep(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    @Override
    public void close() {
        readiness.close();
        metricsPort.ifPresent(MetricsPort::close);
        newsroom.close();
        WebServer.finishInFlight(inFlight);
        web.stop();
        ranking.close(); // flushes every pending view before the database goes
        changeNotices.ifPresent(NoticeListener::close);
        searchChanges.close();
        pruneLease.release();
        search.close();
        media.close();
        database.close();
    }
}
