package kiji.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kiji.testing.Browser;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserSmokeTest {
    @TempDir
    Path dir;

    @Test
    void a_reader_opens_the_home_page_in_chromium_and_sees_the_article() {
        try (var app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:58:00Z"));
                var browser = Browser.launch()) {
            app.publish("防衛大臣が会談(10月17日)", "本文です。");
            var page = browser.desktop();
            page.navigate(app.url("/"));
            assertThat(page.locator(".article-item-title").first().textContent()).isEqualTo("防衛大臣が会談(10月17日)");
        }
    }
}
