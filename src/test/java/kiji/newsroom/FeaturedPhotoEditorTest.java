package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import kiji.article.Status;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Choosing and clearing an article's featured photo in the newsroom's editor: who may, what an
 * unknown photo does, and that revisions, restores and the scheduled publisher keep it.
 */
class FeaturedPhotoEditorTest {
    @TempDir
    Path dir;

    MutableClock clock = MutableClock.at("2024-10-21T01:00:00Z");
    TestKiji app;
    NewsroomClient editor;
    NewsroomClient writer;
    Photo photo;

    @BeforeEach
    void start() throws IOException {
        app = TestKiji.start(dir, clock);
        app.category("japan-defense", "日本の防衛", "mod");
        var sato = app.kiji.newsroom.users.add("sato", "佐藤", Role.EDITOR, "編集者のパスワード1");
        app.kiji.newsroom.users.add("kato", "加藤", Role.WRITER, "記者のパスワード22");
        photo = app.kiji.newsroom.photos.upload(PhotoUploadTest.jpeg(1200, 800), "観艦式の護衛艦", "防衛省", sato);
        editor = NewsroomClient.signedIn(app, "sato", "編集者のパスワード1");
        writer = NewsroomClient.signedIn(app, "kato", "記者のパスワード22");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void an_editor_picks_a_featured_photo_from_the_uploads_and_clears_it_again() {
        var blank = Jsoup.parse(editor.get("/newsroom/articles/new").body());
        assertThat(blank.select("#featured-photo input[name=featuredPhoto]").eachAttr("value"))
                .containsExactly("", String.valueOf(photo.id()));
        assertThat(blank.select("#featured-photo input[value='']").hasAttr("checked")).isTrue();
        assertThat(blank.select("#featured-photo label[data-photo=" + photo.id() + "]").text())
                .isEqualTo("観艦式の護衛艦（写真:防衛省）");

        long id = EditorialTest.create(editor, form("観艦式を公開(10月21日)", String.valueOf(photo.id())));
        assertThat(app.kiji.articles.find(id).orElseThrow().featuredPhotoId()).contains(photo.id());
        var html = editor.get("/newsroom/articles/" + id).body();
        var page = Jsoup.parse(html);
        assertThat(page.select("#featured-photo input[checked]").attr("value")).isEqualTo(String.valueOf(photo.id()));
        assertThat(new kiji.testing.HtmlChecker().errors(html)).as("Nu checker on the editor with the picker").isEmpty();

        assertThat(editor.post("/newsroom/articles/" + id, form("観艦式を公開(10月21日)", "")).statusCode()).isEqualTo(303);
        assertThat(app.kiji.articles.find(id).orElseThrow().featuredPhotoId()).isEmpty();
        assertThat(Jsoup.parse(editor.get("/newsroom/articles/" + id).body())
                .select("#featured-photo input[checked]").attr("value")).isEmpty();
    }

    @Test
    void an_unknown_or_malformed_photo_is_refused_in_japanese_and_nothing_is_saved() {
        long id = EditorialTest.create(editor, form("観艦式を公開(10月21日)", String.valueOf(photo.id())));
        for (var bad : new String[] {"999", "abc", "-3"}) {
            editor.get("/newsroom/articles/" + id);
            var refused = editor.post("/newsroom/articles/" + id, form("書き換えたタイトル", bad));
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("トップ写真");
            var kept = app.kiji.articles.find(id).orElseThrow();
            assertThat(kept.title()).isEqualTo("観艦式を公開(10月21日)");
            assertThat(kept.featuredPhotoId()).contains(photo.id());
        }
        editor.get("/newsroom/articles/new");
        var created = editor.post("/newsroom/articles", form("新しい記事", "999"));
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(created.body()).contains("トップ写真に選んだ写真が見つかりません");
        assertThat(app.kiji.articles.list(kiji.article.ArticleFilter.all(), new kiji.article.PageRequest(1, 10),
                Optional.empty()).total()).isEqualTo(1);
    }

    @Test
    void a_writer_sets_the_photo_of_an_own_draft_but_not_of_anothers_article() {
        long own = EditorialTest.create(writer, form("記者の下書き", String.valueOf(photo.id())));
        assertThat(app.kiji.articles.find(own).orElseThrow().featuredPhotoId()).contains(photo.id());

        long others = EditorialTest.create(editor, form("編集者の記事", ""));
        writer.get("/newsroom/articles/" + own);
        var refused = writer.post("/newsroom/articles/" + others, form("編集者の記事", String.valueOf(photo.id())));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(app.kiji.articles.find(others).orElseThrow().featuredPhotoId()).isEmpty();
    }

    @Test
    void revisions_keep_the_photo_a_restore_brings_it_back_and_scheduled_publishing_keeps_it() {
        var scheduled = form("観艦式を公開(10月21日)", String.valueOf(photo.id()));
        scheduled.put("status", "scheduled");
        scheduled.put("publishedAt", "2024-10-21T10:30");
        long id = EditorialTest.create(editor, scheduled);
        editor.get("/newsroom/articles/" + id);
        var cleared = new java.util.HashMap<>(scheduled);
        cleared.put("featuredPhoto", "");
        assertThat(editor.post("/newsroom/articles/" + id, cleared).statusCode()).isEqualTo(303);
        assertThat(app.kiji.articles.find(id).orElseThrow().featuredPhotoId()).isEmpty();

        var revs = app.kiji.database.jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM article_revision WHERE article_id = :a ORDER BY id").bind("a", id).mapTo(Long.class).list());
        assertThat(revs).hasSize(2);
        var diff = editor.get("/newsroom/articles/" + id + "/diff?a=" + revs.get(0) + "&b=" + revs.get(1)).body();
        assertThat(diff).contains("<div class=\"del\">トップ写真: 写真 " + photo.id() + "</div>")
                .contains("<div class=\"add\">トップ写真: なし</div>");
        assertThat(editor.post("/newsroom/articles/" + id + "/revisions/" + revs.get(0) + "/restore", Map.of())
                .statusCode()).isEqualTo(303);
        assertThat(app.kiji.articles.find(id).orElseThrow().featuredPhotoId()).contains(photo.id());

        clock.advance(Duration.ofMinutes(45));
        assertThat(app.kiji.newsroom.publisher.publishDue()).isEqualTo(1);
        var published = app.kiji.articles.find(id).orElseThrow();
        assertThat(published.status()).isEqualTo(Status.PUBLISHED);
        assertThat(published.featuredPhotoId()).contains(photo.id());
    }

    static Map<String, String> form(String title, String featuredPhoto) {
        var m = EditorialTest.form(title, "draft", "");
        m.put("featuredPhoto", featuredPhoto);
        return m;
    }
}
