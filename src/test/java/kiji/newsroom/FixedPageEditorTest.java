package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import kiji.app.Config;
import kiji.page.PageStatus;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The newsroom's 固定ページ section through HTTP, with CSRF tokens as a browser's forms send them. */
class FixedPageEditorTest {
    static final String PASSWORD = "編集者のパスワード1";

    @TempDir
    Path dir;

    TestKiji app;
    NewsroomClient editor;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private void start(Engine engine) {
        app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), MutableClock.at("2024-10-21T01:00:00Z"));
        app.kiji.newsroom.users.add("sato", "佐藤", Role.EDITOR, PASSWORD);
        editor = NewsroomClient.signedIn(app, "sato", PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void an_editor_creates_edits_publishes_unpublishes_and_deletes_a_page(Engine engine) {
        start(engine);
        var list = editor.get("/newsroom/pages");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(list.body()).select("nav.nr-nav a[aria-current=page]").text()).isEqualTo("固定ページ");
        assertThat(editor.get("/newsroom/pages/new").statusCode()).isEqualTo(200);

        var created = editor.post("/newsroom/pages", Map.of("path", "/about/", "title", "会社概要",
                "format", "markdown", "body", "## 所在地\n\n東京都", "status", "draft"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        var location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/newsroom/pages/\\d+\\?done=saved");
        long id = Long.parseLong(location.replaceAll("\\D+(\\d+).*", "$1"));
        assertThat(app.get("/about/").statusCode()).as("a draft").isEqualTo(404);

        var form = editor.get(location);
        assertThat(Jsoup.parse(form.body()).select("#title").val()).isEqualTo("会社概要");
        assertThat(form.body()).contains("保存しました。");

        assertThat(editor.post("/newsroom/pages/" + id + "/publish", Map.of()).statusCode()).isEqualTo(303);
        assertThat(app.get("/about/").body()).contains("所在地");

        var saved = editor.post("/newsroom/pages/" + id, Map.of("path", "/company/", "title", "会社案内",
                "format", "markdown", "body", "新しい本文", "status", "published"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(app.get("/company/").body()).contains("新しい本文");
        assertThat(app.get("/about/").statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(editor.get("/newsroom/pages").body()).select("table.nr-pages td").eachText())
                .contains("会社案内", "/company/", "公開中");

        assertThat(editor.post("/newsroom/pages/" + id + "/unpublish", Map.of()).statusCode()).isEqualTo(303);
        assertThat(app.kiji.pages.find(id).orElseThrow().status()).isEqualTo(PageStatus.DRAFT);
        assertThat(app.get("/company/").statusCode()).isEqualTo(404);

        assertThat(editor.post("/newsroom/pages/" + id + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(app.kiji.pages.find(id)).isEmpty();
        assertThat(editor.get("/newsroom/pages/" + id).statusCode()).isEqualTo(404);

        assertThat(app.kiji.newsroom.audit.forTarget("page:" + id)).extracting(AuditLog.Entry::action)
                .containsExactly("page.delete", "page.unpublish", "page.update", "page.publish", "page.create");
        assertThat(app.kiji.newsroom.audit.forTarget("page:" + id)).allSatisfy(e -> assertThat(e.username()).isEqualTo("sato"));
    }

    @Test
    void bad_input_is_shown_again_with_japanese_messages_and_nothing_is_saved() {
        start(Engine.SQLITE);
        editor.get("/newsroom/pages/new");
        var refused = editor.post("/newsroom/pages", Map.of("path", "/category/about/", "title", "",
                "format", "markdown", "body", "本文", "status", "published"));
        assertThat(refused.statusCode()).isEqualTo(400);
        var doc = Jsoup.parse(refused.body());
        assertThat(doc.select(".nr-error li").eachText()).anySatisfy(t -> assertThat(t).contains("サイト自身のページ"))
                .anySatisfy(t -> assertThat(t).contains("タイトルを入力"));
        assertThat(doc.select("#path").val()).as("what was typed stays").isEqualTo("/category/about/");
        assertThat(app.kiji.pages.all()).isEmpty();

        editor.post("/newsroom/pages", Map.of("path", "/about/", "title", "会社概要", "format", "markdown",
                "body", "本文", "status", "published"));
        var taken = editor.post("/newsroom/pages", Map.of("path", "/about/", "title", "別のページ", "format", "html",
                "body", "<p>本文</p>", "status", "draft"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(taken.body()).select(".nr-error").text()).contains("別の固定ページがあります");
        assertThat(app.kiji.pages.all()).hasSize(1);
    }

    @Test
    void the_preview_renders_markdown_and_sanitizes_html_as_the_public_page_does() {
        start(Engine.SQLITE);
        editor.get("/newsroom/pages/new");
        var markdown = editor.post("/newsroom/pages/preview", Map.of("body", "## 所在地\n\n<b>x</b>", "format", "markdown"));
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.body()).contains("<h2>所在地</h2>").contains("&lt;b&gt;");
        var html = editor.post("/newsroom/pages/preview", Map.of("body", "<p onclick=\"x()\">本文</p><script>x()</script>",
                "format", "html"));
        assertThat(html.body()).contains("<p>本文</p>").doesNotContain("onclick", "script");
        assertThat(editor.postRaw("/newsroom/pages/preview", Map.of("body", "x")).statusCode()).isEqualTo(403);
    }

    @Test
    void a_form_without_the_csrf_token_is_refused() {
        start(Engine.SQLITE);
        editor.get("/newsroom/pages/new");
        var forged = editor.postRaw("/newsroom/pages", Map.of("path", "/about/", "title", "会社概要",
                "format", "markdown", "body", "本文", "status", "published"));
        assertThat(forged.statusCode()).isEqualTo(403);
        var page = app.kiji.pages.create(kiji.page.FixedPageDraft.markdown("/about/", "会社概要", "本文", PageStatus.PUBLISHED));
        assertThat(editor.postRaw("/newsroom/pages/" + page.id() + "/delete", Map.of("_csrf", "wrong")).statusCode())
                .isEqualTo(403);
        assertThat(app.kiji.pages.find(page.id())).isPresent();
    }

    @Test
    void writers_cannot_see_or_change_fixed_pages_and_signed_out_readers_are_sent_to_sign_in() {
        start(Engine.SQLITE);
        app.kiji.newsroom.users.add("kato", "加藤", Role.WRITER, "記者のパスワード456");
        var writer = NewsroomClient.signedIn(app, "kato", "記者のパスワード456");
        var page = app.kiji.pages.create(kiji.page.FixedPageDraft.markdown("/about/", "会社概要", "本文", PageStatus.PUBLISHED));
        assertThat(Jsoup.parse(writer.get("/newsroom/articles").body()).select("nav.nr-nav").text()).doesNotContain("固定ページ");
        assertThat(writer.get("/newsroom/pages").statusCode()).isEqualTo(403);
        assertThat(writer.get("/newsroom/pages/" + page.id()).statusCode()).isEqualTo(403);
        assertThat(writer.post("/newsroom/pages/" + page.id() + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(app.kiji.pages.find(page.id())).isPresent();

        var anonymous = app.get("/newsroom/pages");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).contains("/newsroom/signin");
    }
}
