package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import kiji.testing.Browser;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An editor makes 会社概要 in Chromium through the newsroom's forms; a reader finds it in the footer. */
class FixedPageBrowserTest {
    @TempDir
    Path dir;

    TestKiji app;
    Browser browser;

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:00:00Z"));
        app.publish("防衛相が臨時会見(10月20日)", "本文です。");
        app.kiji.newsroom.users.add("sato", "佐藤 編集長", Role.EDITOR, "編集者のパスワード1");
        browser = Browser.launch();
    }

    @AfterEach
    void stop() {
        browser.close();
        app.close();
    }

    @Test
    void an_editor_creates_and_publishes_a_page_and_a_reader_reaches_it_from_the_footer() {
        var page = browser.desktop();
        page.navigate(app.url("/newsroom/signin"));
        page.fill("#username", "sato");
        page.fill("#password", "編集者のパスワード1");
        page.click("button:has-text('ログイン')");
        page.waitForURL("**/newsroom/articles");

        page.click("nav a:has-text('固定ページ')");
        page.click("a:has-text('固定ページを作成')");
        page.fill("#path", "/about/");
        page.fill("#title", "会社概要");
        page.fill("#body", "## 所在地\n\n東京都千代田区（架空）");
        page.waitForSelector("#preview-body h2");
        assertThat(page.textContent("#preview-body h2")).as("rendered by the server, as readers will see it")
                .isEqualTo("所在地");
        assertThat(page.textContent("#preview-title")).isEqualTo("会社概要");
        page.selectOption("#format", "html");
        page.waitForSelector("#preview-body h2",
                new Page.WaitForSelectorOptions().setState(WaitForSelectorState.DETACHED));
        assertThat(page.textContent("#preview-body")).as("as HTML, Markdown's ## is only text")
                .contains("## 所在地");
        page.selectOption("#format", "markdown");
        page.fill("#body", "## 所在地\n\n東京都千代田区（架空）");
        page.waitForSelector("#preview-body h2");
        page.click("#save");
        page.waitForURL("**/newsroom/pages/*?done=saved");
        assertThat(page.textContent(".nr-notice")).contains("保存しました");
        page.click("button:has-text('公開する')");
        page.waitForURL("**?done=published");
        assertThat(page.textContent(".nr-title-row")).contains("公開中");

        var reader = browser.desktop();
        reader.navigate(app.url("/"));
        reader.click("footer a:has-text('会社概要')");
        reader.waitForURL("**/about/");
        assertThat(reader.textContent("main h1")).isEqualTo("会社概要");
        assertThat(reader.textContent("main h2")).isEqualTo("所在地");
        assertThat(reader.title()).startsWith("会社概要 | ");
    }
}
