package kiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.Permalinks;
import kiji.search.JapaneseAnalysis;
import kiji.search.SearchRoutes;
import kiji.search.StartingSearchIndex;
import kiji.search.StoredArticles;
import kiji.search.UserDictionaries;
import kiji.site.ErrorPages;
import kiji.site.Frame;
import kiji.site.RankingWidget;
import kiji.storage.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reader gets from /search and /api/search in the seconds the index is still opening. */
class SearchWhileStartingTest {
    @TempDir
    Path dir;

    private final HttpClient http = kiji.testing.TestKiji.http11();

    @Test
    void search_answers_503_with_retry_after_while_the_index_opens_then_results() throws Exception {
        var gate = new CountDownLatch(1);
        try (var db = Database.sqlite(dir)) {
            var categories = new CategoryStore(db.jdbi());
            var stored = new StoredArticles(new ArticleStore(db.jdbi(), db.dialect()));
            var frame = new Frame("Kiji", "http://localhost", categories, RankingWidget::empty);
            try (var search = StartingSearchIndex.open(dir.resolve("index"), () -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return new JapaneseAnalysis(UserDictionaries.starterOnly());
            }, stored, id -> Optional.empty(), Duration.ofMillis(100))) {
                var routes = new SearchRoutes(search, stored, categories,
                        new Permalinks(Config.defaults(dir).permalinkPattern()), frame, Clock.systemUTC());
                var web = WebServer.create(WebServer.prepare().join(), new ErrorPages(frame), List.of(routes::register), List.of(), "127.0.0.1", 0);
                web.start("127.0.0.1", 0);
                try {
                    var q = URLEncoder.encode("護衛艦", StandardCharsets.UTF_8);
                    var page = get(web.port(), "/search?q=" + q);
                    assertThat(page.statusCode()).isEqualTo(503);
                    assertThat(page.headers().firstValue("Retry-After")).contains("5");
                    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
                    assertThat(page.body()).contains("検索の準備中です").contains("lang=\"ja\"");

                    var api = get(web.port(), "/api/search?q=" + q);
                    assertThat(api.statusCode()).isEqualTo(503);
                    assertThat(api.headers().firstValue("Retry-After")).contains("5");
                    assertThat(api.body()).isEqualTo("{\"error\":\"search is starting\"}");

                    // the search form itself needs no index
                    assertThat(get(web.port(), "/search").statusCode()).isEqualTo(200);

                    gate.countDown();
                    assertThat(search.awaitOpen(Duration.ofMinutes(1))).isTrue();
                    assertThat(get(web.port(), "/search?q=" + q).statusCode()).isEqualTo(200);
                    assertThat(get(web.port(), "/api/search?q=" + q).body()).contains("\"total\":0");
                } finally {
                    gate.countDown();
                    web.stop();
                }
            }
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
