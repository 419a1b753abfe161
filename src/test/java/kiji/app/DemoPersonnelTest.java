package kiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import kiji.article.ArticleFilter;
import kiji.article.PageRequest;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPersonnelTest {
    static final Instant NOW = Instant.parse("2025-12-09T01:58:00Z");

    @TempDir
    Path dir;

    @Test
    void demo_orders_are_data_and_some_officers_have_a_career_across_orders_on_the_first_run() {
        try (var app = TestKiji.start(dir, new MutableClock(NOW))) {
            DemoContent.fillIfEmpty(app.kiji);
            var orders = app.kiji.articles.list(new ArticleFilter(java.util.Optional.of("personnel"), java.util.Optional.empty(),
                    java.util.Optional.empty(), java.util.Optional.empty()), new PageRequest(1, 100), java.util.Optional.of(NOW)).items();
            assertThat(orders).hasSize(DemoPersonnel.orders().size())
                    .allSatisfy(a -> assertThat(app.kiji.personnel.orders.find(a.id())).isPresent());
            var people = app.kiji.personnel.people.publicPersonIds(NOW);
            long withCareers = people.stream().filter(id -> app.kiji.personnel.people.career(id, NOW).size() >= 2).count();
            assertThat(withCareers).isGreaterThanOrEqualTo(10);

            var someone = people.stream().filter(id -> app.kiji.personnel.people.career(id, NOW).size() >= 2).findFirst()
                    .orElseThrow();
            var page = app.get("/jinji/person/" + someone);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(page.body()).select("ol.career > li").size()).isGreaterThanOrEqualTo(2);
            var order = app.get(app.kiji.permalinks.of(orders.getFirst()));
            assertThat(Jsoup.parse(order.body()).select("table a[href^=/jinji/person/]")).isNotEmpty();
        }
    }
}
