package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kiji.app.Config;
import kiji.storage.Database;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingSettingsTest {
    @TempDir
    Path dir;

    private TestKiji start(RankingSettings settings) {
        return TestKiji.start(Config.defaults(dir).withRanking(settings), Database.sqlite(dir),
                MutableClock.at("2024-10-21T03:10:00Z"));
    }

    @Test
    void count_on_render_counts_a_served_article_page_but_not_a_prefetch() {
        try (var app = start(new RankingSettings(TrustedProxies.none(), true))) {
            var a = app.publish("サーバーで数える記事", "本文");
            var path = app.kiji.permalinks.of(a);
            assertThat(app.get(path, "User-Agent", Views.CHROME).statusCode()).isEqualTo(200);
            assertThat(app.get(path, "User-Agent", Views.IPHONE, "Sec-Purpose", "prefetch").statusCode()).isEqualTo(200);
            assertThat(Rankings.viewsOf(app, "?window=1h", a.id())).isEqualTo(1);
        }
    }

    @Test
    void count_on_render_counts_pages_served_from_the_render_cache_too() {
        try (var app = start(new RankingSettings(TrustedProxies.none(), true))) {
            var a = app.publish("キャッシュから配る記事", "本文");
            var path = app.kiji.permalinks.of(a);
            assertThat(app.get(path, "User-Agent", Views.CHROME).statusCode()).isEqualTo(200); // rendered, kept
            assertThat(app.kiji.renderCache.size()).isPositive();
            assertThat(app.get(path, "User-Agent", Views.IPHONE).statusCode()).isEqualTo(200); // from the cache
            assertThat(Rankings.viewsOf(app, "?window=1h", a.id())).isEqualTo(2);
        }
    }

    @Test
    void count_on_render_does_not_count_a_head_request() throws Exception {
        try (var app = start(new RankingSettings(TrustedProxies.none(), true))) {
            var a = app.publish("HEADで確かめる記事", "本文");
            var path = app.kiji.permalinks.of(a);
            var head = java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url(path))).header("User-Agent", Views.IPHONE)
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build();
            assertThat(app.send(head).statusCode()).isEqualTo(200); // rendered
            assertThat(app.send(head).statusCode()).isEqualTo(200); // from the render cache
            assertThat(app.get(path, "User-Agent", Views.CHROME).statusCode()).isEqualTo(200);
            assertThat(Rankings.viewsOf(app, "?window=1h", a.id())).isEqualTo(1);
        }
    }

    @Test
    void without_count_on_render_a_page_render_alone_counts_nothing() {
        try (var app = start(RankingSettings.defaults())) {
            var a = app.publish("ビーコンで数える記事", "本文");
            app.get(app.kiji.permalinks.of(a), "User-Agent", Views.CHROME);
            assertThat(Rankings.viewsOf(app, "?window=1h", a.id())).isZero();
        }
    }

    @Test
    void behind_a_trusted_proxy_each_forwarded_address_is_its_own_reader() {
        try (var app = start(new RankingSettings(TrustedProxies.parse("127.0.0.1"), false))) {
            var id = app.publish("プロキシ越しの記事", "本文").id();
            Views.beacon(app, id, Views.CHROME, "X-Forwarded-For", "203.0.113.1");
            Views.beacon(app, id, Views.CHROME, "X-Forwarded-For", "203.0.113.2");
            Views.beacon(app, id, Views.CHROME, "X-Forwarded-For", "203.0.113.2"); // a repeat
            assertThat(Rankings.viewsOf(app, "?window=1h", id)).isEqualTo(2);
        }
    }
}
