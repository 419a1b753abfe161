package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import kiji.article.ArticleEvent;
import kiji.article.Status;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing and publishing through the newsroom's forms, over real HTTP. */
class EditorialTest {
    @TempDir
    Path dir;

    // 2024-10-21 10:00 JST
    MutableClock clock = MutableClock.at("2024-10-21T01:00:00Z");
    TestKiji app;
    NewsroomClient editor;
    NewsroomClient writer;
    List<ArticleEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, clock);
        app.category("japan-defense", "日本の防衛", "mod");
        app.category("personnel", "人事発令", "jinji");
        app.kiji.articleService.addListener(events::add);
        app.kiji.newsroom.users.add("sato", "佐藤", Role.EDITOR, "編集者のパスワード1");
        app.kiji.newsroom.users.add("kato", "加藤", Role.WRITER, "記者のパスワード22");
        app.kiji.newsroom.users.add("ito", "伊藤", Role.WRITER, "記者のパスワード33");
        editor = NewsroomClient.signedIn(app, "sato", "編集者のパスワード1");
        writer = NewsroomClient.signedIn(app, "kato", "記者のパスワード22");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static Map<String, String> form(String title, String status, String publishedAt) {
        var m = new HashMap<String, String>();
        m.put("title", title);
        m.put("lead", "防衛省は21日、発表した。");
        m.put("category", "japan-defense");
        m.put("tags", "防衛省、発表");
        m.put("authors", "編集部");
        m.put("body", "本文の段落です。\n\n※ 写真は防衛省提供\n\n（以上）");
        m.put("status", status);
        m.put("publishedAt", publishedAt);
        return m;
    }

    static long create(NewsroomClient client, Map<String, String> fields) {
        client.get("/newsroom/articles/new");
        var response = client.post("/newsroom/articles", fields);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        var location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.replaceAll("^/newsroom/articles/(\\d+).*$", "$1"));
    }

    @Test
    void a_scheduled_article_appears_on_its_jst_time_and_the_job_marks_it_published() {
        long id = create(editor, form("防衛相が会見(10月21日)", "scheduled", "2024-10-21T11:30"));
        var article = app.kiji.articles.find(id).orElseThrow();
        assertThat(article.publishedAt()).contains(java.time.Instant.parse("2024-10-21T02:30:00Z"));
        var url = app.kiji.permalinks.of(article);
        assertThat(app.get(url).statusCode()).isEqualTo(404);
        assertThat(editor.get("/newsroom/articles/" + id).body()).contains("2024-10-21T11:30").contains(url);
        assertThat(app.kiji.newsroom.publisher.publishDue()).isZero();

        clock.advance(Duration.ofMinutes(91));
        var page = app.get(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("防衛相が会見(10月21日)").contains("class=\"note\"");
        events.clear();
        assertThat(app.kiji.newsroom.publisher.publishDue()).isEqualTo(1);
        assertThat(app.kiji.articles.find(id).orElseThrow().status()).isEqualTo(Status.PUBLISHED);
        assertThat(events).extracting(ArticleEvent::type).containsExactly(ArticleEvent.Type.UPDATED);
        assertThat(app.kiji.newsroom.audit.forTarget("article:" + id)).extracting(AuditLog.Entry::action)
                .contains("article.create", "article.publish.scheduled");
    }

    @Test
    void a_writer_cannot_publish_schedule_or_edit_others_articles() {
        var refused = writer.post("/newsroom/articles", form("記者の公開", "published", ""));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("記者は公開・予約公開できません");
        assertThat(writer.post("/newsroom/articles", form("記者の予約", "scheduled", "2024-10-22T09:00")).statusCode())
                .isEqualTo(403);
        assertThat(app.kiji.articles.list(kiji.article.ArticleFilter.all(), new kiji.article.PageRequest(1, 10),
                java.util.Optional.empty()).total()).isZero();

        long own = create(writer, form("記者の下書き", "draft", ""));
        long others = create(editor, form("編集者の記事", "draft", ""));
        assertThat(writer.get("/newsroom/articles/" + own).statusCode()).isEqualTo(200);
        assertThat(writer.get("/newsroom/articles/" + others).statusCode()).isEqualTo(403);
        assertThat(writer.post("/newsroom/articles/" + others, form("乗っ取り", "draft", "")).statusCode()).isEqualTo(403);
        assertThat(writer.post("/newsroom/articles/" + own, form("記者の下書き", "published", "")).statusCode())
                .isEqualTo(403);
        assertThat(app.kiji.articles.find(others).orElseThrow().title()).isEqualTo("編集者の記事");
        assertThat(app.kiji.articles.find(own).orElseThrow().status()).isEqualTo(Status.DRAFT);
        // The list offers no edit link for others' articles.
        var list = writer.get("/newsroom/articles").body();
        assertThat(list).contains("href=\"/newsroom/articles/" + own + "\"")
                .doesNotContain("href=\"/newsroom/articles/" + others + "\"");
        // Review, then an editor publishes; after that the writer can no longer change it.
        assertThat(writer.post("/newsroom/articles/" + own + "/review", Map.of()).statusCode()).isEqualTo(303);
        assertThat(editor.get("/newsroom/articles?state=review").body()).contains("記者の下書き").doesNotContain("編集者の記事");
        assertThat(writer.post("/newsroom/articles/" + own + "/unpublish", Map.of()).statusCode()).isEqualTo(403);
        editor.get("/newsroom/articles/" + own);
        assertThat(editor.post("/newsroom/articles/" + own, form("記者の下書き", "published", "")).statusCode()).isEqualTo(303);
        assertThat(writer.get("/newsroom/articles/" + own).statusCode()).isEqualTo(403);
        // A different writer cannot touch kato's drafts either.
        var ito = NewsroomClient.signedIn(app, "ito", "記者のパスワード33");
        long second = create(writer, form("加藤の二本目", "draft", ""));
        assertThat(ito.post("/newsroom/articles/" + second + "/trash", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void the_list_filters_by_state_category_author_and_title_and_pages() {
        for (int i = 1; i <= 32; i++) create(editor, form("通常記事" + i, "draft", ""));
        var special = form("人事発令(10月21日)", "published", "");
        special.put("category", "personnel");
        special.put("authors", "人事担当");
        create(editor, special);
        var all = editor.get("/newsroom/articles").body();
        assertThat(all).contains("33 件").contains("1 / 2").contains("24時間の閲覧");
        assertThat(editor.get("/newsroom/articles?page=2").body()).contains("2 / 2");
        assertThat(editor.get("/newsroom/articles?state=published").body()).contains("1 件").contains("人事発令(10月21日)");
        assertThat(editor.get("/newsroom/articles?category=personnel").body()).contains("1 件");
        assertThat(editor.get("/newsroom/articles?author=%E4%BA%BA%E4%BA%8B%E6%8B%85%E5%BD%93").body()).contains("1 件");
        assertThat(editor.get("/newsroom/articles?q=%E9%80%9A%E5%B8%B8%E8%A8%98%E4%BA%8B1").body())
                .contains("11 件"); // 通常記事1, 10..19
        assertThat(editor.get("/newsroom/articles?q=%25").body()).contains("0 件");
        assertThat(editor.get("/newsroom/articles?page=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void the_preview_renders_like_the_public_page_and_needs_the_csrf_header() {
        editor.get("/newsroom/articles/new");
        var body = "本文\n\n※ 注記です\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))";
        var request = HttpRequest.newBuilder(URI.create(app.url("/newsroom/preview")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-Token", editor.csrf)
                .POST(HttpRequest.BodyPublishers.ofString("body=" + java.net.URLEncoder.encode(body,
                        java.nio.charset.StandardCharsets.UTF_8)))
                .build();
        var response = editor.send(request);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(app.kiji.articleService.preview(body))
                .contains("<p class=\"note\">").doesNotContain("<script").doesNotContain("javascript:");
        var noToken = editor.send(HttpRequest.newBuilder(URI.create(app.url("/newsroom/preview")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("body=x")).build());
        assertThat(noToken.statusCode()).isEqualTo(403);
    }

    @Test
    void a_refused_save_shows_japanese_field_messages_and_stores_nothing() {
        editor.get("/newsroom/articles/new");
        var bad = form("", "scheduled", "");
        var response = editor.post("/newsroom/articles", bad);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("タイトルを入力してください").contains("公開日時を入力してください");
        var badTime = form("タイトル", "scheduled", "明日の朝");
        assertThat(editor.post("/newsroom/articles", badTime).body()).contains("日本時間");
        assertThat(app.kiji.articles.list(kiji.article.ArticleFilter.all(), new kiji.article.PageRequest(1, 10),
                java.util.Optional.empty()).total()).isZero();
    }

    @Test
    void revisions_are_kept_compared_and_restored_with_audit_entries() {
        long id = create(editor, form("第一版のタイトル", "draft", ""));
        var second = form("第二版のタイトル", "draft", "");
        second.put("body", "本文の段落です。\n\n追加した段落。\n\n※ 写真は防衛省提供\n\n（以上）");
        editor.get("/newsroom/articles/" + id);
        assertThat(editor.post("/newsroom/articles/" + id, second).statusCode()).isEqualTo(303);
        var history = editor.get("/newsroom/articles/" + id + "/revisions").body();
        var revs = app.kiji.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM article_revision WHERE article_id = :a ORDER BY id").bind("a", id).mapTo(Long.class).list());
        assertThat(revs).hasSize(2);
        assertThat(history).contains("第一版のタイトル").contains("第二版のタイトル");
        var diff = editor.get("/newsroom/articles/" + id + "/diff?a=" + revs.get(0) + "&b=" + revs.get(1)).body();
        assertThat(diff).contains("<div class=\"del\">タイトル: 第一版のタイトル</div>")
                .contains("<div class=\"add\">タイトル: 第二版のタイトル</div>")
                .contains("<div class=\"add\">追加した段落。</div>");
        assertThat(editor.post("/newsroom/articles/" + id + "/revisions/" + revs.get(0) + "/restore", Map.of())
                .statusCode()).isEqualTo(303);
        assertThat(app.kiji.articles.find(id).orElseThrow().title()).isEqualTo("第一版のタイトル");
        assertThat(app.kiji.newsroom.audit.forTarget("article:" + id)).extracting(AuditLog.Entry::action)
                .containsExactly("article.revision.restore", "article.update", "article.create");
    }

    @Test
    void unpublish_trash_and_restore_move_the_article_and_are_audited() {
        long id = create(editor, form("取り消す記事", "published", ""));
        var url = app.kiji.permalinks.of(app.kiji.articles.find(id).orElseThrow());
        assertThat(app.get(url).statusCode()).isEqualTo(200);
        assertThat(editor.post("/newsroom/articles/" + id + "/unpublish", Map.of()).statusCode()).isEqualTo(303);
        assertThat(app.get(url).statusCode()).isEqualTo(404);
        assertThat(editor.post("/newsroom/articles/" + id + "/trash", Map.of()).statusCode()).isEqualTo(303);
        assertThat(editor.get("/newsroom/articles").body()).doesNotContain("取り消す記事");
        assertThat(editor.get("/newsroom/articles?state=trash").body()).contains("取り消す記事");
        assertThat(editor.post("/newsroom/articles/" + id + "/restore", Map.of()).statusCode()).isEqualTo(303);
        assertThat(editor.get("/newsroom/articles").body()).contains("取り消す記事");
        assertThat(app.kiji.newsroom.audit.forTarget("article:" + id)).extracting(AuditLog.Entry::action)
                .containsExactly("article.restore", "article.trash", "article.unpublish", "article.create");
        assertThat(app.kiji.newsroom.audit.forTarget("article:" + id).get(2).username()).isEqualTo("sato");
    }
}
