package kiji.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import kiji.testing.Browser;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader searches from the header box in Chromium; the screenshots go to docs/screens/. */
class SearchBrowserTest {
    @TempDir
    Path dir;

    @Test
    void a_reader_searches_from_the_header_and_sees_marked_results_on_desktop_and_phone() {
        try (var app = TestKiji.start(dir, MutableClock.at("2024-10-21T03:00:00Z")); var browser = Browser.launch()) {
            app.publish("防衛装備庁が新型レーダーを公開(10月17日)",
                    "防衛装備庁は17日、新型レーダーの試験結果を公表した。<script>は本文中の文字列である。");
            app.publish("もがみ型護衛艦の進水式(10月21日)", "もがみ型護衛艦の新しい艦が進水した。");
            var page = browser.desktop();
            page.navigate(app.url("/"));
            page.fill("#q", "装備庁");
            page.press("#q", "Enter");
            page.waitForURL("**/search?q=*");
            assertThat(page.inputValue("#search-q")).isEqualTo("装備庁");
            assertThat(page.locator(".search-hit-title").allTextContents())
                    .containsExactly("防衛装備庁が新型レーダーを公開(10月17日)");
            assertThat(page.locator(".search-snippet mark").allTextContents()).contains("装備庁");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs/screens/search-desktop.png")));

            var phone = browser.phone();
            phone.navigate(app.url("/search?q=%E4%BA%AC%E9%83%BD"));
            assertThat(phone.locator(".search-empty").textContent()).contains("見つかりませんでした");
            phone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("docs/screens/search-phone-empty.png")));
        }
    }
}
