package kiji.newsroom;

import java.time.Clock;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.Permalinks;
import kiji.storage.Database;
import kiji.storage.Leases;

/**
 * The newsroom's parts, built once by kiji.app.Kiji: accounts, sessions, the audit log, the
 * scheduled publisher, photos, webhooks and the routes under {@code /newsroom}.
 */
public final class Newsroom implements AutoCloseable {
    public final Users users;
    public final Sessions sessions;
    public final AuditLog audit;
    public final ScheduledPublisher publisher;
    public final Photos photos;
    public final Webhooks webhooks;
    public final WebhookSender webhookSender;
    public final NewsroomRoutes routes;

    /** The article side the newsroom works on, as kiji.app built it. */
    public record Articles(ArticleService service, ArticleStore store, CategoryStore categories, Permalinks permalinks,
                           Readership readership, String baseUrl) {}

    /**
     * @param httpsSite true when the public base URL is https:// (cookies are then always Secure,
     *     also behind a TLS-terminating proxy)
     * @param leases where the scheduled publisher and the webhook sender take their leases, so
     *     one node at a time runs each
     */
    public Newsroom(Database database, Clock clock, ApiTokens tokens, Articles articles, Photos photos,
                    boolean httpsSite, Leases leases) {
        var jdbi = database.jdbi();
        this.photos = photos;
        this.users = new Users(jdbi, clock);
        this.sessions = new Sessions(jdbi, clock);
        this.audit = new AuditLog(jdbi, clock);
        this.publisher = new ScheduledPublisher(articles.store(), articles.service(), audit, clock,
                leases.lease(ScheduledPublisher.LEASE, ScheduledPublisher.LEASE_DURATION));
        var guard = new NewsroomGuard(sessions, httpsSite);
        var signin = new SigninPages(users, sessions, new SigninThrottle(jdbi, clock), audit, guard);
        var desk = new ArticleDesk(jdbi);
        var revisions = new Revisions(jdbi, clock);
        var editorial = new Editorial(articles.service(), articles.store(), desk, revisions, audit, clock);
        var articlePages = new ArticlePages(editorial, new ArticleListing(jdbi), desk, articles.store(),
                articles.service(), articles.categories(), articles.permalinks(), articles.readership(), photos);
        this.webhooks = new Webhooks(jdbi, clock, articles.permalinks(), articles.baseUrl());
        this.webhookSender = new WebhookSender(jdbi, clock,
                leases.lease(WebhookSender.LEASE, WebhookSender.LEASE_DURATION));
        articles.service().addListener(webhooks::on);
        this.routes = new NewsroomRoutes(guard, signin, new AdminPages(tokens, users, audit), articlePages,
                new RevisionPages(editorial, revisions, audit), new MediaPages(photos, audit),
                new WebhookPages(webhooks, audit),
                new AnalyticsPages(editorial, articles.readership(), articles.permalinks()));
    }

    /** The 固定ページ section ({@code /newsroom/pages}), on {@code pages}; registered before the site's catch-all. */
    public java.util.function.Consumer<io.javalin.config.RoutesConfig> fixedPageRoutes(kiji.page.FixedPageService pages) {
        return new FixedPagePages(pages, audit)::register;
    }

    /** Starts the scheduled publisher (it catches up at once, then runs every 15 s). */
    public void start() {
        publisher.start();
        webhookSender.start();
    }

    @Override
    public void close() {
        publisher.close();
        webhookSender.close();
    }
}
