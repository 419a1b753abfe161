package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import kiji.testing.Browser;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an editor, a writer and a reader see in Chromium; keeps docs/screens/newsroom-*.png
 * (sign-in, editor, list, analytics) current.
 */
class NewsroomBrowserTest {
    static final Path SCREENS = Path.of("docs", "screens");

    @TempDir
    Path dir;

    // 2024-10-21 10:00 JST
    MutableClock clock = MutableClock.at("2024-10-21T01:00:00Z");
    TestKiji app;
    Browser browser;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(SCREENS);
        app = TestKiji.start(dir, clock);
        app.category("japan-defense", "日本の防衛", "mod");
        app.category("personnel", "人事発令", "jinji");
        app.kiji.newsroom.users.add("sato", "佐藤 編集長", Role.EDITOR, "編集者のパスワード1");
        app.kiji.newsroom.users.add("kato", "加藤 記者", Role.WRITER, "記者のパスワード22");
        browser = Browser.launch();
    }

    @AfterEach
    void stop() {
        browser.close();
        app.close();
    }

    Page signIn(String username, String password, boolean screenshot) {
        var page = browser.desktop();
        page.navigate(app.url("/newsroom/signin"));
        page.fill("#username", username);
        page.fill("#password", password);
        if (screenshot) page.screenshot(new Page.ScreenshotOptions().setPath(SCREENS.resolve("newsroom-signin.png")));
        page.click("button:has-text('ログイン')");
        page.waitForURL("**/newsroom/articles");
        return page;
    }

    @Test
    void an_editor_writes_with_a_photo_previews_and_schedules_and_a_reader_sees_it_on_time() throws Exception {
        app.publish("防衛相が臨時会見(10月20日)", "本文です。");
        var page = signIn("sato", "編集者のパスワード1", true);
        var photoFile = dir.resolve("kaijo.jpg");
        Files.write(photoFile, PhotoUploadTest.jpeg(1200, 800));
        page.click("nav a:has-text('写真')");
        page.setInputFiles("#file", photoFile);
        page.fill("#caption", "防衛装備展の会場");
        page.fill("#credit", "防衛省");
        page.click("button:has-text('アップロード')");
        var snippet = page.inputValue("#snippet");
        assertThat(snippet).contains("（写真:防衛省）");
        page.click("nav a:has-text('新規作成')");
        page.fill("#title", "防衛装備展を視察(10月21日)");
        page.fill("#lead", "防衛大臣は21日、防衛装備展を視察した。");
        page.fill("#tags", "防衛装備、視察");
        page.fill("#authors", "編集部");
        page.fill("#body", "大臣は会場で各社の展示を見て回った。\n\n" + snippet + "\n\n※ 写真:防衛省\n\n（以上）");
        page.waitForSelector("#preview-body p.note");
        page.waitForSelector("#preview-body img");
        page.waitForFunction("document.querySelector('#preview-body img').naturalWidth > 0");
        assertThat(page.textContent("#preview-body p.note")).contains("写真:防衛省");
        assertThat(page.textContent("#preview-title")).isEqualTo("防衛装備展を視察(10月21日)");
        var photoId = String.valueOf(app.kiji.newsroom.photos.recent(1).get(0).id());
        page.check("#featured-photo label:has-text('防衛装備展の会場') input");
        page.selectOption("#status", "scheduled");
        page.fill("#publishedAt", "2024-10-21T11:30");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENS.resolve("newsroom-editor.png")).setFullPage(true));
        page.click("#save");
        page.waitForSelector(".nr-notice");
        assertThat(page.textContent(".nr-notice")).contains("保存しました");
        assertThat(page.inputValue("#publishedAt")).isEqualTo("2024-10-21T11:30");
        assertThat(page.getAttribute("#featured-photo input:checked", "value")).isEqualTo(photoId);
        var url = page.textContent(".nr-permalink").replace("URL: ", "").strip();

        var reader = browser.desktop();
        // a reader's browser: Playwright's headless Chromium announces itself as HeadlessChrome, a bot
        reader.setExtraHTTPHeaders(Map.of("User-Agent", AnalyticsTest.CHROME));
        var early = reader.navigate(app.url(url));
        assertThat(early.status()).isEqualTo(404);
        clock.advance(Duration.ofMinutes(90));
        var onTime = new com.microsoft.playwright.Response[1];
        var beacon = reader.waitForRequest("**/api/views", () -> onTime[0] = reader.navigate(app.url(url)));
        assertThat(beacon.method()).isEqualTo("POST");
        assertThat(onTime[0].status()).isEqualTo(200);
        assertThat(reader.textContent("h1")).isEqualTo("防衛装備展を視察(10月21日)");
        assertThat(reader.textContent("p.note")).contains("写真:防衛省");
        // the featured photo opens the article: a figure whose srcset the browser chose from (a
        // 640-pixel column on a desktop → the 960 variant), with its caption and credit
        var figure = reader.locator("article figure.article-photo");
        assertThat(figure.locator("img").getAttribute("srcset")).contains("/media/" + photoId + "/480.jpg 480w",
                "/media/" + photoId + "/960.jpg 960w", "/media/" + photoId + "/1200.jpg 1200w");
        assertThat(figure.locator("figcaption").textContent()).isEqualTo("防衛装備展の会場（写真:防衛省）");
        await(reader, "document.querySelector('figure.article-photo img').currentSrc.endsWith('/960.jpg')"
                + " && document.querySelector('figure.article-photo img').complete");
        assertThat(reader.getAttribute(".article-body img", "srcset")).contains("/media/" + photoId + "/480.jpg 480w");
        reader.locator(".article-body img").scrollIntoViewIfNeeded();
        // (with srcset, naturalWidth is the slot's 640 px, so the chosen file is read from currentSrc)
        await(reader, "document.querySelector('.article-body img').currentSrc.endsWith('/960.jpg')"
                + " && document.querySelector('.article-body img').complete");
        reader.evaluate("window.scrollTo(0, 0)");
        reader.screenshot(new Page.ScreenshotOptions().setPath(SCREENS.resolve("article-featured-photo.png")).setFullPage(true));
        // a phone's full-width column takes the 480 variant of the same srcset
        var phone = browser.phone();
        phone.setExtraHTTPHeaders(Map.of("User-Agent", AnalyticsTest.CHROME));
        phone.navigate(app.url(url));
        await(phone, "document.querySelector('figure.article-photo img').currentSrc.endsWith('/480.jpg')");

        page.navigate(app.url("/newsroom/articles"));
        // 予約 until the scheduled publisher's next 15-second round, 公開中 after it.
        assertThat(page.textContent("tr[data-article] .nr-status")).isIn("予約", "公開中");
        assertThat(page.textContent("table.nr-articles")).contains("防衛装備展を視察(10月21日)");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENS.resolve("newsroom-list.png")));

        // the reader's view shows in the newsroom: the list's 24-hour column, then the analytics
        awaitCountedViews(1);
        page.navigate(app.url("/newsroom/articles"));
        var row = page.locator("tr[data-article]:has-text('防衛装備展を視察')");
        assertThat(row.locator("td.num").textContent().strip()).isEqualTo("1");
        var cspViolations = new CopyOnWriteArrayList<String>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) cspViolations.add(m.text());
        });
        row.locator("td.num a").click();
        page.waitForURL("**/analytics");
        assertThat(page.textContent("tr[data-window='24h'] .nr-rank")).isEqualTo("1位");
        assertThat(page.textContent("tr[data-window='24h'] .nr-count")).isEqualTo("1");
        assertThat(page.locator("svg[role='img'] rect[data-views]").count()).isEqualTo(1);
        assertThat(page.getAttribute("svg[role='img'] rect[data-views]", "data-hour")).isEqualTo("2024-10-21T02:00:00Z");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENS.resolve("newsroom-analytics.png")).setFullPage(true));
        page.click("nav a:has-text('ランキング')");
        assertThat(page.locator("[data-window='24h'] li a").allTextContents()).containsExactly("防衛装備展を視察(10月21日)");
        assertThat(page.locator("[data-window='1h'] li a").allTextContents()).containsExactly("防衛装備展を視察(10月21日)");
        assertThat(cspViolations).isEmpty();
    }

    /**
     * Waits until the expression is true. Playwright's waitForFunction polls with eval, which the
     * page's CSP (rightly) forbids; evaluate runs through the DevTools protocol instead.
     */
    private static void await(Page page, String expression) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Boolean.TRUE.equals(page.evaluate(expression))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still false after 10 s: " + expression + " (images: " + page.evaluate(
                        "[...document.images].map(i => i.currentSrc + ' ' + i.naturalWidth + ' ' + i.complete).join(', ')") + ")");
            }
            Thread.sleep(50);
        }
    }

    /** The beacon is answered before its view is flushed: flush and re-read until it is in the buckets. */
    private void awaitCountedViews(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            app.kiji.ranking.refresh();
            if (app.kiji.ranking.store().totalViews() >= expected) return;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the reader's view was not counted");
    }

    @Test
    void a_writer_is_offered_no_publishing_and_cannot_open_others_articles() {
        var editorsArticle = app.publish("編集者の記事(10月21日)", "本文です。");
        var page = signIn("kato", "記者のパスワード22", false);
        assertThat(page.locator("table.nr-articles a:has-text('編集者の記事')").count()).isZero();
        page.click("a.nr-primary:has-text('新規作成')");
        assertThat(page.locator("#status option").allTextContents()).containsExactly("下書き");
        var response = page.navigate(app.url("/newsroom/articles/" + editorsArticle.id()));
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.textContent("h1")).contains("権限がありません");
    }

    @Test
    void an_xss_corpus_saved_through_the_editor_never_runs_in_the_preview_or_on_the_public_page() throws Exception {
        // a real library photo too, so the srcset the renderer adds is part of what is checked
        var photo = app.kiji.newsroom.photos.upload(PhotoUploadTest.jpeg(1000, 600), "検査用の写真", "防衛省",
                app.kiji.newsroom.users.find("sato").orElseThrow());
        var corpus = String.join("\n\n", List.of(
                photo.markdown(),
                "<script>console.log('XSS-RAN')</script>",
                "<img src=x onerror=\"console.log('XSS-RAN');alert(1)\">",
                "<svg onload=alert(1)><circle r=1></circle></svg>",
                "<iframe srcdoc=\"<script>parent.alert(1)</script>\"></iframe>",
                "[リンク](javascript:alert(1))",
                "[データ](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "![画像](javascript:alert(1))",
                "<a href=\"jav&#x09;ascript:alert(1)\">タブ入り</a>",
                "&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;",
                "<details open ontoggle=alert(1)>x</details>",
                "<math><mi xlink:href=\"javascript:alert(1)\">m</mi></math>",
                "[参照]: javascript:alert(1)\n\n[参照]",
                "<img src=\"/media/1/960.jpg\" srcset=\"javascript:alert(1) 1x\">",
                "<img srcset=\"/a.jpg 1x, data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+ 2x\">",
                "![写真](/media/1/960.jpg \"t\\\" srcset=\\\"javascript:alert(1) 1x\")",
                "※ 注記 <b onmouseover=alert(1)>太字</b>"));
        var dialogs = new CopyOnWriteArrayList<String>();
        var page = signIn("sato", "編集者のパスワード1", false);
        watch(page, dialogs);
        page.click("a.nr-primary:has-text('新規作成')");
        page.fill("#title", "<img src=x onerror=alert(1)>XSS検査");
        page.fill("#lead", "<script>alert(1)</script>");
        page.fill("#body", corpus);
        page.waitForSelector("#preview-body p.note");
        assertInert(page, "#preview-body");
        page.selectOption("#status", "published");
        page.click("#save");
        page.waitForSelector(".nr-notice");
        var url = page.textContent(".nr-permalink").replace("URL: ", "").strip();
        page.waitForSelector("#preview-body p.note");
        assertInert(page, "#preview-body");

        var reader = browser.desktop();
        watch(reader, dialogs);
        reader.navigate(app.url(url));
        assertThat(reader.textContent("h1")).contains("<img src=x onerror=alert(1)>XSS検査");
        assertInert(reader, ".article-body");
        assertThat(reader.getAttribute(".article-body img[src='" + photo.bodyUrl() + "']", "srcset"))
                .isEqualTo(photo.srcset());
        for (var link : reader.locator(".article-body a").all()) link.click(new com.microsoft.playwright.Locator.ClickOptions().setNoWaitAfter(true));
        reader.waitForTimeout(300);
        assertThat(dialogs).isEmpty();
    }

    private static void watch(Page page, List<String> seen) {
        page.onDialog(d -> {
            seen.add("dialog: " + d.message());
            d.dismiss();
        });
        page.onConsoleMessage(m -> {
            if (m.text().contains("XSS-RAN")) seen.add("console: " + m.text());
        });
    }

    /** No element under root has an on* attribute, a script/iframe/svg, or a javascript:/data: URL (srcset: any of its URLs). */
    private static void assertInert(Page page, String root) {
        var found = page.evaluate("root => { const out = []; for (const el of document.querySelector(root).querySelectorAll('*')) {"
                + " const tag = el.tagName.toLowerCase(); if (['script','iframe','svg','math','object','embed'].includes(tag)) out.push(tag);"
                + " for (const a of el.attributes) { const v = a.value.replace(/\\s/g, '').toLowerCase();"
                + " const urls = a.name === 'srcset' ? v.split(',') : [v];"
                + " if (a.name.startsWith('on') || urls.some(u => u.startsWith('javascript:') || u.startsWith('data:')) || a.name === 'srcdoc') out.push(tag + '[' + a.name + ']'); } }"
                + " return out.join(','); }", root);
        assertThat((String) found).as("active content under " + root).isEmpty();
    }
}
