package kiji.newsroom;

import static kiji.testing.HttpAssertions.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 404 and 405 under /newsroom in the newsroom's own frame, in Japanese; the API keeps JSON. */
class NewsroomErrorPagesTest {
    @TempDir
    Path dir;

    TestKiji app;
    NewsroomClient editor;

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:00:00Z"));
        app.kiji.newsroom.users.add("sato", "佐藤", Role.EDITOR, "編集者のパスワード1");
        editor = NewsroomClient.signedIn(app, "sato", "編集者のパスワード1");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void an_unknown_newsroom_page_is_a_japanese_404_in_the_newsroom_frame() {
        for (var path : new String[] {"/newsroom/nothing/here", "/newsroom/articles/12/nothing", "/newsroom/articles/999999"}) {
            var res = editor.get(path);
            assertThat(res.statusCode()).as(path).isEqualTo(404);
            assertNewsroomFrame(res, path);
            var doc = Jsoup.parse(res.body());
            assertThat(doc.select("main h1").text()).as(path).isNotBlank().doesNotContain("Endpoint", "not found");
            assertThat(doc.select("main").text()).as(path).contains("404");
        }
        assertThat(Jsoup.parse(editor.get("/newsroom/nothing/here").body()).select("main h1").text())
                .isEqualTo("ページが見つかりません");
    }

    @Test
    void a_wrong_method_on_a_newsroom_page_is_a_japanese_405_in_the_newsroom_frame() {
        editor.get("/newsroom/articles");
        var res = editor.post("/newsroom/analytics", Map.of());
        assertThat(res.statusCode()).isEqualTo(405);
        assertNewsroomFrame(res, "POST /newsroom/analytics");
        assertThat(Jsoup.parse(res.body()).select("main h1").text()).isEqualTo("このページではその操作はできません");
    }

    @Test
    void signed_out_an_unknown_newsroom_page_asks_for_sign_in_first() {
        var res = app.get("/newsroom/nothing/here");
        assertThat(res.statusCode()).isEqualTo(302);
        assertThat(res.headers().firstValue("Location")).contains("/newsroom/signin");
    }

    @Test
    void the_site_and_the_api_keep_their_own_error_answers() {
        var site = app.get("/nothing/here");
        assertThat(site.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(site.body()).select("header.site-header")).hasSize(1);
        assertThat(Jsoup.parse(site.body()).select("header.nr-header")).isEmpty();
        // a path that only starts like the newsroom's is the site's
        assertThat(Jsoup.parse(app.get("/newsroomish").body()).select("header.site-header")).hasSize(1);
        assertJson(app.get("/api/nothing"), 404);
        assertJson(app.send(HttpRequest.newBuilder(URI.create(app.url("/api/articles")))
                .DELETE().build()), 405);
    }

    private static void assertNewsroomFrame(HttpResponse<String> res, String context) {
        assertThat(res.headers().firstValue("Content-Type")).as(context)
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(res.headers().firstValue("Content-Security-Policy")).as(context)
                .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        var doc = Jsoup.parse(res.body());
        assertThat(doc.select("html").attr("lang")).isEqualTo("ja");
        assertThat(doc.title()).as(context).endsWith("Kiji 編集室");
        assertThat(doc.select("header.nr-header nav.nr-nav a").eachText()).as(context).contains("記事一覧", "写真");
        assertThat(doc.select("header.site-header")).as(context).isEmpty();
        assertThat(doc.select("main a[href=/newsroom]").text()).as(context).contains("編集室のトップ");
    }
}
