package kiji.personnel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.Permalinks;
import kiji.feed.Sitemaps;
import kiji.newsroom.ArticleJournal;
import kiji.site.Frame;
import org.jdbi.v3.core.Jdbi;

/** The personnel feature's parts, built once by {@code kiji.app.Kiji}: stores, service, API and pages. */
public final class PersonnelFeature {
    public final OrderStore orders;
    public final PersonStore people;
    public final PersonnelService service;
    public final PersonCorrections corrections;
    private final PersonnelApi api;
    private final PersonnelPages pages;
    private final OrderDesk desk;
    private final PeopleDesk peopleDesk;

    /**
     * @param changed told after every personnel write (the render cache empties)
     * @param journal the newsroom's record of each order save (revision, audit line, acting user)
     */
    public PersonnelFeature(Jdbi jdbi, ArticleService articleService, ArticleStore articles, CategoryStore categories,
                            Permalinks permalinks, ObjectMapper json, Frame frame, Clock clock, Runnable changed,
                            ArticleJournal journal) {
        this.orders = new OrderStore(jdbi);
        this.people = new PersonStore(jdbi, permalinks);
        this.service = new PersonnelService(articleService, categories, orders, clock, changed, articles::find, journal);
        this.corrections = new PersonCorrections(jdbi, changed, journal);
        this.api = new PersonnelApi(service, orders, people, corrections, permalinks, id -> articles.findPublic(id, clock.instant()),
                json, clock, journal::actor);
        this.pages = new PersonnelPages(people, frame, clock);
        this.desk = new OrderDesk(service, clock, journal::actor);
        this.peopleDesk = new PeopleDesk(people, corrections, journal::actor);
    }

    /** {@code /sitemaps/people.xml}: every person page with a public entry. */
    public Sitemaps.Extra sitemap() {
        return new Sitemaps.Extra() {
            @Override
            public String file() {
                return "people.xml";
            }

            @Override
            public List<String> paths(Instant now) {
                return people.publicPersonIds(now).stream().limit(Sitemaps.PROTOCOL_LIMIT)
                        .map(id -> "/jinji/person/" + id).toList();
            }
        };
    }

    public void register(RoutesConfig routes) {
        api.register(routes);
        pages.register(routes);
        desk.register(routes);
        peopleDesk.register(routes);
    }
}
