package kiji.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticlePageTest {
    @TempDir
    Path dir;

    @Test
    void article_page_shows_title_category_and_jst_timestamp() {
        var clock = MutableClock.at("2024-10-21T01:58:00Z");
        try (var app = TestKiji.start(dir, clock)) {
            var a = app.publish("防衛大臣が会談(10月17日)", "本文です。\n\n※注記です。\n\n(以上)");
            var page = app.get("/docs/mod/" + String.format("%06d", a.id()) + ".html");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("防衛大臣が会談(10月17日)")
                    .contains("href=\"/category/japan-defense\"")
                    .contains("2024-10-21 10:58")
                    .contains("<p class=\"note\">※注記です。</p>")
                    .contains("<p class=\"end\">(以上)</p>");
        }
    }
}
