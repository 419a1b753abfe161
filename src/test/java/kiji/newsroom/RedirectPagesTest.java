package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /newsroom/redirects}: editors list, add and remove old URLs; the site answers them at once. */
class RedirectPagesTest {
    @TempDir
    Path dir;

    TestKiji app;

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, MutableClock.at("2024-06-01T00:00:00Z"));
        app.kiji.newsroom.users.add("sato", "佐藤", Role.EDITOR, "編集者のパスワード1");
        app.kiji.newsroom.users.add("kato", "加藤", Role.WRITER, "記者のパスワード22");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void an_editor_adds_a_redirect_the_site_answers_it_and_removing_it_ends_it() {
        var editor = NewsroomClient.signedIn(app, "sato", "編集者のパスワード1");
        var page = editor.get("/newsroom/redirects");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("旧 URL の転送");

        var added = editor.post("/newsroom/redirects", Map.of("path", "/company/about.html", "target", "/about/"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(editor.get("/newsroom/redirects").body()).contains("/company/about.html", "/about/");
        var old = app.get("/company/about.html");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).contains("/about/");

        var bad = editor.post("/newsroom/redirects", Map.of("path", "no-slash", "target", "/about/"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("旧パスは / で始まる");
        assertThat(editor.post("/newsroom/redirects", Map.of("path", "/x", "target", "javascript:alert(1)")).statusCode())
                .isEqualTo(400);

        assertThat(editor.post("/newsroom/redirects/delete", Map.of("path", "/company/about.html")).statusCode())
                .isEqualTo(303);
        assertThat(app.get("/company/about.html").statusCode()).isEqualTo(404);
        assertThat(app.kiji.newsroom.audit.forTarget("redirect:/company/about.html").toString())
                .contains("redirect.put", "redirect.remove");
    }

    @Test
    void writers_may_not_edit_redirects_and_a_form_without_its_token_is_refused() {
        var writer = NewsroomClient.signedIn(app, "kato", "記者のパスワード22");
        assertThat(writer.get("/newsroom/redirects").statusCode()).isEqualTo(403);
        var editor = NewsroomClient.signedIn(app, "sato", "編集者のパスワード1");
        editor.get("/newsroom/redirects");
        var forged = editor.postRaw("/newsroom/redirects", Map.of("path", "/a", "target", "/b"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(app.get("/a").statusCode()).isEqualTo(404);
    }
}
