package kiji.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kiji.app.Config;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Old URLs on the public site: consulted only where a 404 would be. */
class RedirectsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_redirect_never_shadows_a_live_article_and_follows_its_target_while_public(Engine engine) {
        var clock = MutableClock.at("2024-06-01T00:00:00Z");
        try (var app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), clock)) {
            var live = app.publish("生きている記事", "本文");
            var other = app.publish("移った記事", "本文");
            var jdbi = app.kiji.database.jdbi();
            var redirects = new Redirects(jdbi, new SourceMap(jdbi),
                    id -> app.kiji.articles.findPublic(id, clock.instant()).map(app.kiji.permalinks::of), clock);
            var livePath = app.kiji.permalinks.of(live);
            redirects.toArticle(livePath, other.id()); // a bad row: the live page must still win
            redirects.toArticle("/archives/古い記事.html", other.id());
            redirects.toPath("/old-about/", "/about/");

            assertThat(app.get(livePath).statusCode()).isEqualTo(200);
            var old = app.get("/archives/%E5%8F%A4%E3%81%84%E8%A8%98%E4%BA%8B.html");
            assertThat(old.statusCode()).isEqualTo(301);
            assertThat(old.headers().firstValue("Location")).contains(app.kiji.permalinks.of(other));
            assertThat(app.get("/old-about/").headers().firstValue("Location")).contains("/about/");
            // the API and the newsroom keep their own 404s
            assertThat(app.get("/api/old-about/").statusCode()).isEqualTo(404);

            app.kiji.articleService.delete(other.id());
            assertThat(app.get("/archives/%E5%8F%A4%E3%81%84%E8%A8%98%E4%BA%8B.html").statusCode()).isEqualTo(404);
        }
    }
}
