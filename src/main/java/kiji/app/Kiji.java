package kiji.app;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import kiji.article.ArticleApi;
import kiji.article.ArticlePhoto;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.MarkdownRenderer;
import kiji.article.Permalinks;
import kiji.article.ArticleLinks;
import kiji.feed.ArticleMetadata;
import kiji.feed.FeaturedImage;
import kiji.feed.FeedRoutes;
import kiji.feed.FeedSettings;
import kiji.feed.FeedWriter;
import kiji.feed.Publisher;
import kiji.feed.SitemapRoutes;
import kiji.feed.Sitemaps;
import kiji.importer.OldUrlRoutes;
import kiji.importer.Redirects;
import kiji.importer.SourceMap;
import kiji.newsroom.ApiTokenGuard;
import kiji.newsroom.ApiTokens;
import kiji.newsroom.FileMediaStore;
import kiji.newsroom.Newsroom;
import kiji.newsroom.Photos;
import kiji.newsroom.Readership;
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
import kiji.site.Frame;
import kiji.site.RankingWidget;
import kiji.site.RenderCache;
import kiji.site.StaticAssets;
import kiji.site.SitePages;
import kiji.site.SiteRoutes;
import kiji.storage.Database;
import kiji.storage.DatabaseSettings;
import kiji.storage.StorageException;
import org.eclipse.jetty.server.Handler;

/** The one place where Kiji's objects are built and connected. */
public final class Kiji implements AutoCloseable {
    private static final Duration SEARCH_PATIENCE = Duration.ofSeconds(5);
    /** How long after the server listens the search index starts opening, unless a search comes first. */
    private static final Duration SEARCH_OPEN_DELAY = Duration.ofSeconds(1);
    public final Config config;
    public final Clock clock;
    public final Database database;
    public final Permalinks permalinks;
    public final CategoryStore categories;
    public final ArticleStore articles;
    public final ArticleService articleService;
    public final ApiTokens tokens;
    public final RankingFeature ranking;
    public final StartingSearchIndex search;
    private final ChangeFeed searchChanges;
    private final StoredArticles storedArticles;
    public final RenderCache renderCache;
    public final Newsroom newsroom;
    private final Javalin web;

    public Kiji(Config config, Database database, Clock clock) {
        this(config, database, clock, prepareWeb());
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

        private PreparedWeb(CompletableFuture<WebServer.Parts> parts) {
            this.parts = parts;
        }
    }

    /** @param preparedWeb what {@link #prepareWeb()} returned */
    public Kiji(Config config, Database database, Clock clock, PreparedWeb preparedWeb) {
        this.config = config;
        this.clock = clock;
        this.database = database;
        var steps = new StartupSteps();
        var webParts = preparedWeb.parts; // built on their own thread meanwhile
        this.permalinks = new Permalinks(config.permalinkPattern());
        var jdbi = database.jdbi();
        this.categories = new CategoryStore(jdbi);
        this.articles = new ArticleStore(jdbi, database.dialect());
        // Photos first: the renderer gives body photos their srcset, the service checks featured photos.
        var photos = new Photos(jdbi, new FileMediaStore(config.dataDir().resolve("media")), clock);
        ArticlePhoto.Library photoLibrary = photos::forArticle;
        this.articleService = new ArticleService(articles, categories, new MarkdownRenderer(photoLibrary), clock,
                photoLibrary);
        this.tokens = new ApiTokens(jdbi, clock);
        steps.done("articles");
        var stored = new StoredArticles(articles);
        this.storedArticles = stored;
        this.search = openSearch(config, stored, database);
        articleService.addListener(new SearchIndexer(search));
        // other nodes sharing the database learn of this node's changes, and this node of theirs
        this.searchChanges = ChangeFeed.create(jdbi, search, articles::find, config.dataDir().resolve("index"), clock);
        articles.addWriteListener(searchChanges::record); // in the article's transaction
        steps.done("search");

        var json = webParts.join().json(); // one mapper for the ranking, the API and Javalin
        this.ranking = new RankingFeature(jdbi, articles, articleService, permalinks, config.ranking(), json, clock);
        RankingWidget.Source widget = ranking;
        steps.done("ranking");
        var frame = new Frame(config.siteName(), config.baseUrl(), categories, widget);
        // old URLs of an imported site: 301s where a 404 would be, and WordPress's /?p=ID
        var redirects = new Redirects(jdbi, new SourceMap(jdbi),
                id -> articles.findPublic(id, clock.instant()).map(permalinks::of), clock);
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
        var sitemaps = new SitemapRoutes(
                new Sitemaps(new ArticleLinks(jdbi), permalinks, publisher, Sitemaps.PROTOCOL_LIMIT), publisher, clock);
        this.renderCache = new RenderCache(CachePolicies.publicAnswers(permalinks), widget, clock,
                CachePolicies.MAX_BYTES, CachePolicies.TTL);
        articleService.addListener(event -> renderCache.invalidateAll());
        if (config.ranking().countOnRender()) renderCache.onServedHit(ranking::countRenderedPage);
        steps.done("site, feeds, API");
        var readership = new Readership(ranking.store(), ranking::top, clock);
        var newsroomArticles = new Newsroom.Articles(articleService, articles, categories, permalinks, readership,
                config.baseUrl());
        this.newsroom = new Newsroom(database, clock, tokens, newsroomArticles, photos,
                config.baseUrl().startsWith("https://"));
        steps.done("newsroom");
        // The render cache goes last: on a hit it skips what follows, so every other feature's
        // before-handlers (the newsroom's guard, say) must already have run.
        List<Consumer<RoutesConfig>> features = List.of(guard::register, api::register, ranking::register,
                searchRoutes::register, newsroom.routes::register, StaticAssets::register, feeds::register,
                sitemaps::register, new OldUrlRoutes(redirects)::register,
                new RedirectPages(redirects.book(), newsroom.audit)::register, site::register, renderCache::register);
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
        this.web = WebServer.create(webParts.join(), errorPages.withSection("/newsroom", newsroom.routes::renderError), features, fastLanes,
                config.host(), config.port());
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
     * The search index, locked now and opened in the background once the server listens (the
     * first page does not need it; searches meanwhile wait up to 5 s, then answer 503); a folder
     * held by another process stops startup with a clear message.
     */
    private StartingSearchIndex openSearch(Config config, StoredArticles stored, Database db) {
        try {
            return StartingSearchIndex.lock(config.dataDir().resolve("index"),
                    () -> new JapaneseAnalysis(UserDictionaries.load(config.dataDir().resolve("userdict.txt"))),
                    stored, articles::find, SEARCH_PATIENCE);
        } catch (IndexBusyException e) {
            db.close();
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
        newsroom.start();
        steps.done("newsroom start");
        return this;
    }

    public int port() {
        return web.port();
    }

    @Override
    public void close() {
        newsroom.close();
        web.stop();
        ranking.close(); // flushes every pending view before the database goes
        searchChanges.close();
        search.close();
        database.close();
    }
}
