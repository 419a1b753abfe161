package kiji.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import kiji.app.DemoContent;
import kiji.article.ArticleFilter;
import kiji.article.PageRequest;
import kiji.testing.Browser;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo site in Debian's Chromium at desktop and phone widths: what a reader must see, and
 * full-page screenshots under docs/screens/ so anyone can look at the site without running it.
 * The clock is fixed, so the screenshots only change when the design or the demo does.
 */
class ScreenshotTest {
    static final Path SCREENS = Path.of("docs", "screens");
    static final int DESKTOP = 1280;
    static final int PHONE = 390;

    @TempDir
    static Path dir;

    static TestKiji app;
    static Browser browser;
    static String articlePath;

    @BeforeAll
    static void start() throws Exception {
        app = TestKiji.start(dir, MutableClock.at("2024-10-21T06:30:00Z"));
        DemoContent.fillIfEmpty(app.kiji);
        var pay = app.kiji.articles.list(ArticleFilter.category("japan-defense"), new PageRequest(1, 50),
                Optional.of(app.kiji.clock.instant())).items().stream()
                .filter(a -> a.title().contains("給与を引き上げる")).findFirst().orElseThrow();
        articlePath = app.kiji.permalinks.of(pay);
        browser = Browser.launch();
        Files.createDirectories(SCREENS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (app != null) app.close();
    }

    @Test
    void home_on_a_desktop_lists_the_latest_articles_with_the_ranking_beside_them() {
        var page = open("/", DESKTOP);
        assertThat(page.locator("h1").first().textContent()).isEqualTo("最新記事");
        assertThat(page.locator(".site-nav a").allTextContents()).contains("日本の防衛", "人事発令", "国際・同盟", "防衛装備");
        assertThat(page.locator(".article-item")).satisfies(items -> assertThat(items.count()).isEqualTo(20));
        assertThat(page.locator(".article-item time").first().textContent()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(page.locator(".article-item a.article-item-category").first().getAttribute("href"))
                .startsWith("/category/");
        assertSidebarBeside(page);
        // The first Tab shows the skip link with a focus ring, in view.
        page.keyboard().press("Tab");
        assertThat(page.evaluate("document.activeElement.textContent")).isEqualTo("本文へスキップ");
        assertThat(page.evaluate("getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
        assertThat(page.locator(".skip").boundingBox().y).isGreaterThanOrEqualTo(0);
        page.evaluate("document.activeElement.blur()");
        shoot(page, "home-desktop.png");
    }

    @Test
    void home_on_a_phone_puts_the_ranking_below_the_list_without_sideways_scrolling() {
        var page = open("/", PHONE);
        assertThat(page.locator(".article-item-title").first().isVisible()).isTrue();
        assertSidebarBelow(page);
        assertNoSidewaysScroll(page);
        shoot(page, "home-phone.png");
    }

    @Test
    void article_on_a_desktop_shows_title_category_time_body_and_a_readable_line_length() {
        var page = open(articlePath, DESKTOP);
        assertArticleParts(page);
        // Japanese body text reads best at about 35–40 full-width characters a line.
        double perLine = (Double) page.evaluate("""
                () => { const p = document.querySelector('.article-body p');
                        return p.clientWidth / parseFloat(getComputedStyle(p).fontSize); }""");
        assertThat(perLine).isBetween(34.0, 41.0);
        assertSidebarBeside(page);
        shoot(page, "article-desktop.png");
    }

    @Test
    void article_on_a_phone_shows_the_same_parts_with_the_ranking_below() {
        var page = open(articlePath, PHONE);
        assertArticleParts(page);
        assertSidebarBelow(page);
        assertNoSidewaysScroll(page);
        shoot(page, "article-phone.png");
    }

    private static Page open(String path, int width) {
        var page = browser.page(width, width == PHONE ? 844 : 900);
        var response = page.navigate(app.url(path));
        assertThat(response.status()).isEqualTo(200);
        page.evaluate("document.fonts.ready");
        return page;
    }

    private static void assertArticleParts(Page page) {
        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("ja");
        var title = page.locator("main h1");
        assertThat(title.textContent()).startsWith("自衛官・防衛省職員の給与を引き上げる改正案を閣議決定").matches(".+\\(10月\\d+日\\)");
        assertThat(title.isVisible()).isTrue();
        var category = page.locator("main .article-meta a.category-link");
        assertThat(category.textContent()).isEqualTo("日本の防衛");
        assertThat(category.getAttribute("href")).isEqualTo("/category/japan-defense");
        assertThat(page.locator("main time.article-time").textContent()).matches("2024-10-\\d{2} \\d{2}:\\d{2}");
        assertThat(page.locator(".article-body table").isVisible()).isTrue();
        assertThat(page.locator(".article-body blockquote").isVisible()).isTrue();
        assertThat(page.locator(".article-body p.note").first().textContent()).startsWith("※");
        assertThat(page.locator(".article-body p.end").textContent()).isEqualTo("(以上)");
    }

    private static void assertSidebarBeside(Page page) {
        var main = box(page.locator("main"));
        var ranking = box(page.locator("aside [data-ranking]"));
        assertThat(ranking.x).isGreaterThanOrEqualTo(main.x + main.width);
        assertThat(ranking.y).isLessThan(main.y + 200);
    }

    private static void assertSidebarBelow(Page page) {
        var main = box(page.locator("main"));
        var ranking = box(page.locator("aside [data-ranking]"));
        assertThat(ranking.y).isGreaterThanOrEqualTo(main.y + main.height);
        assertThat(ranking.width).isGreaterThan(PHONE * 0.8);
    }

    private static void assertNoSidewaysScroll(Page page) {
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE);
    }

    private static BoundingBox box(Locator locator) {
        assertThat(locator.count()).isEqualTo(1);
        return locator.boundingBox();
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENS.resolve(name)));
        page.context().close();
    }
}
