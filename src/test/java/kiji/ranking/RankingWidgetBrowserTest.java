package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import kiji.testing.Browser;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingWidgetBrowserTest {
    @TempDir
    Path dir;

    @Test
    void the_sidebar_shows_counted_articles_and_its_tabs_switch_by_click_and_keyboard() {
        var clock = MutableClock.at("2024-10-18T03:00:00Z");
        try (var app = TestKiji.start(dir, clock); var browser = Browser.launch()) {
            var weekOld = app.publish("三日前によく読まれた記事", "本文").id();
            Views.readers(app, weekOld, 3);
            clock.set(java.time.Instant.parse("2024-10-21T03:00:00Z"));
            var today = app.publish("今日読まれている記事", "本文").id();
            Views.readers(app, today, 2);
            var unread = app.publish("ブラウザで読む記事", "本文");
            app.kiji.ranking.refresh();

            var page = browser.desktop();
            // a reader's browser: Playwright's headless Chromium announces itself as HeadlessChrome, a bot
            page.setExtraHTTPHeaders(Map.of("User-Agent", Views.CHROME));
            page.clock().install(); // lets the test run the widget's 15-second refresh timer at once
            page.navigate(app.url("/"));
            var day = page.locator("#ranking-panel-24h");
            var week = page.locator("#ranking-panel-7d");
            assertThat(day.isVisible()).isTrue();
            assertThat(day.locator("li a").allTextContents()).containsExactly("今日読まれている記事");
            assertThat(week.isVisible()).isFalse();

            page.locator("#ranking-tab-7d").click();
            assertThat(week.isVisible()).isTrue();
            assertThat(day.isVisible()).isFalse();
            assertThat(week.locator("li a").allTextContents()).containsExactly("三日前によく読まれた記事", "今日読まれている記事");
            assertThat(page.locator("#ranking-tab-7d").getAttribute("aria-selected")).isEqualTo("true");

            page.keyboard().press("ArrowRight");
            assertThat(page.locator("#ranking-tab-30d").getAttribute("aria-selected")).isEqualTo("true");
            assertThat(page.evaluate("document.activeElement.id")).isEqualTo("ranking-tab-30d");
            assertThat(page.locator("#ranking-panel-30d").isVisible()).isTrue();
            page.keyboard().press("Home");
            assertThat(day.isVisible()).isTrue();

            // a page already open (or served from a cache) picks up new views from the API
            Views.readers(app, weekOld, 5);
            app.kiji.ranking.refresh();
            page.clock().runFor(16_000);
            page.waitForCondition(() -> day.locator("li a").allTextContents().size() == 2);
            assertThat(day.locator("li a").allTextContents()).containsExactly("三日前によく読まれた記事", "今日読まれている記事");

            // the article page sends its beacon from /static/ranking.js (no inline script under the CSP)
            var beacon = page.waitForRequest("**/api/views", () ->
                    page.navigate(app.url(app.kiji.permalinks.of(unread))));
            assertThat(beacon.method()).isEqualTo("POST");
            awaitViews(app, unread.id(), 1);
        }
    }

    private static void awaitViews(TestKiji app, long id, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Rankings.viewsOf(app, "?window=1h", id) < expected) {
            if (System.nanoTime() > deadline) throw new AssertionError("the beacon was not counted");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
