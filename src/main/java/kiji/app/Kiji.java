package kiji.app;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import kiji.article.ArticleApi;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.MarkdownRenderer;
import kiji.article.Permalinks;
import kiji.newsroom.ApiTokenGuard;
import kiji.newsroom.ApiTokens;
import kiji.newsroom.ArticleViews;
import kiji.newsroom.FileMediaStore;
import kiji.newsroom.Newsroom;
import kiji.site.ErrorPages;
import kiji.site.Frame;
import kiji.site.RankingWidget;
import kiji.site.SitePages;
import kiji.site.SiteRoutes;
import kiji.storage.Database;
import kiji.storage.DatabaseSettings;

/** The one place where Kiji's objects are built and connected. */
public final class Kiji implements AutoCloseable {
    public final Config config;
    public final Clock clock;
    public final Database database;
    public final Permalinks permalinks;
    public final CategoryStore categories;
    public final ArticleStore articles;
    public final ArticleService articleService;
    public final ApiTokens tokens;
    public final Newsroom newsroom;
    private final Javalin web;

    public Kiji(Config config, Database database, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.database = database;
        this.permalinks = new Permalinks(config.permalinkPattern());
        var jdbi = database.jdbi();
        this.categories = new CategoryStore(jdbi);
        this.articles = new ArticleStore(jdbi, database.dialect());
        this.articleService = new ArticleService(articles, categories, new MarkdownRenderer(), clock);
        this.tokens = new ApiTokens(jdbi, clock);

        RankingWidget.Source ranking = RankingWidget::empty;
        var frame = new Frame(config.siteName(), config.baseUrl(), categories, ranking);
        var errorPages = new ErrorPages(frame);
        var site = new SiteRoutes(new SitePages(articles, categories, permalinks, frame, clock), permalinks);
        var api = new ArticleApi(articleService, articles, categories, permalinks, Json.mapper(), clock);
        var guard = new ApiTokenGuard(tokens);
        // ArticleViews.NONE until kiji.ranking lands and provides 24-hour counts.
        var newsroomArticles = new Newsroom.Articles(articleService, articles, categories, permalinks, ArticleViews.NONE,
                config.baseUrl());
        var media = new FileMediaStore(config.dataDir().resolve("media"));
        this.newsroom = new Newsroom(database, clock, tokens, newsroomArticles, media,
                config.baseUrl().startsWith("https://"));
        List<Consumer<RoutesConfig>> features =
                List.of(guard::register, api::register, newsroom.routes::register, site::register);
        this.web = WebServer.create(errorPages, features);
    }

    /** Opens the configured database: PostgreSQL when a URL is set, else SQLite under the data folder. */
    public static Database openDatabase(Config config) {
        return config.dbUrl()
                .map(url -> Database.open(new DatabaseSettings(url, config.dbUser(), config.dbPassword(), 10, 1)))
                .orElseGet(() -> Database.sqlite(config.dataDir()));
    }

    public Kiji start() {
        web.start(config.host(), config.port());
        newsroom.start();
        return this;
    }

    public int port() {
        return web.port();
    }

    @Override
    public void close() {
        newsroom.close();
        web.stop();
        database.close();
    }
}
