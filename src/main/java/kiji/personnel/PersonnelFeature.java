package kiji.personnel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.Permalinks;
import org.jdbi.v3.core.Jdbi;

/** The personnel feature's parts, built once by {@code kiji.app.Kiji}: stores, service, API and pages. */
public final class PersonnelFeature {
    public final OrderStore orders;
    public final PersonStore people;
    public final PersonnelService service;
    private final PersonnelApi api;

    /** @param changed told after every personnel write (the render cache empties) */
    public PersonnelFeature(Jdbi jdbi, ArticleService articleService, ArticleStore articles, CategoryStore categories,
                            Permalinks permalinks, ObjectMapper json, Clock clock, Runnable changed) {
        this.orders = new OrderStore(jdbi);
        this.people = new PersonStore(jdbi, permalinks);
        this.service = new PersonnelService(articleService, categories, orders, clock, changed);
        this.api = new PersonnelApi(service, orders, people, permalinks, id -> articles.findPublic(id, clock.instant()),
                json, clock);
    }

    public void register(RoutesConfig routes) {
        api.register(routes);
    }
}
