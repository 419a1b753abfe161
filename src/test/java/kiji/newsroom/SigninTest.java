package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in over real HTTP: cookies, CSRF, throttling, sign-out, disabled users, headers. */
class SigninTest {
    static final String PASSWORD = "編集長のパスワード123";

    @TempDir
    Path dir;

    MutableClock clock = MutableClock.at("2024-10-21T01:00:00Z");
    TestKiji app;

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, clock);
        app.kiji.newsroom.users.add("chief", "編集長", Role.ADMIN, PASSWORD);
        app.kiji.newsroom.users.add("kato", "加藤", Role.WRITER, "記者のパスワード456");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void signing_in_sets_an_httponly_lax_session_cookie_and_opens_the_newsroom() {
        var client = new NewsroomClient(app);
        var response = client.signIn("chief", PASSWORD);
        assertThat(response.statusCode()).isEqualTo(303);
        var setCookie = String.join("\n", response.headers().allValues("Set-Cookie"));
        assertThat(setCookie).contains("kiji_session=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure");
        var page = client.get("/newsroom/password");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("編集長（管理者）");
        var stored = app.kiji.database.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM newsroom_session")
                .mapTo(String.class).one());
        assertThat(setCookie).doesNotContain(stored);
    }

    @Test
    void pages_behind_sign_in_redirect_there_and_posts_answer_401() {
        var client = new NewsroomClient(app);
        var page = client.get("/newsroom/password");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).contains("/newsroom/signin");
        assertThat(client.postRaw("/newsroom/tokens", Map.of("name", "x")).statusCode()).isEqualTo(401);
    }

    @Test
    void the_sign_in_form_without_its_csrf_token_is_refused() {
        var client = new NewsroomClient(app);
        client.get("/newsroom/signin");
        var response = client.postRaw("/newsroom/signin", Map.of("username", "chief", "password", PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("kiji_session=") && c.length() > 20);
    }

    @Test
    void a_signed_in_form_post_without_the_csrf_token_is_refused_and_changes_nothing() {
        var client = NewsroomClient.signedIn(app, "chief", PASSWORD);
        var refused = client.postRaw("/newsroom/tokens", Map.of("name", "sneaky"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("トークンが一致しません");
        var wrong = client.postRaw("/newsroom/tokens", Map.of("name", "sneaky", "_csrf", "forged"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(app.kiji.tokens.list()).extracting(t -> t.name()).doesNotContain("sneaky");
    }

    @Test
    void ten_wrong_passwords_are_throttled_with_a_429_in_japanese() {
        var client = new NewsroomClient(app);
        client.get("/newsroom/signin");
        HttpResponse<String> last = null;
        int refusedAsWrong = 0;
        for (int i = 0; i < 10; i++) {
            last = client.post("/newsroom/signin", Map.of("username", "chief", "password", "wrong-" + i));
            if (last.statusCode() == 401) refusedAsWrong++;
        }
        assertThat(refusedAsWrong).isEqualTo(SigninThrottle.PER_ACCOUNT);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.body()).contains("一時的にログインを制限しています");
        // Even the right password waits out the window…
        assertThat(client.post("/newsroom/signin", Map.of("username", "chief", "password", PASSWORD)).statusCode())
                .isEqualTo(429);
        // …and works once it has passed.
        clock.advance(SigninThrottle.WINDOW.plus(Duration.ofSeconds(1)));
        assertThat(client.post("/newsroom/signin", Map.of("username", "chief", "password", PASSWORD)).statusCode())
                .isEqualTo(303);
        assertThat(app.kiji.newsroom.audit.forTarget("user:chief")).extracting(AuditLog.Entry::action)
                .contains("signin.failed", "signin.throttled", "signin");
    }

    @Test
    void a_disabled_users_session_ends_at_once() {
        var client = NewsroomClient.signedIn(app, "kato", "記者のパスワード456");
        assertThat(client.get("/newsroom/password").statusCode()).isEqualTo(200);
        var admin = NewsroomClient.signedIn(app, "chief", PASSWORD);
        admin.get("/newsroom/users");
        assertThat(admin.post("/newsroom/users/kato/disable", Map.of()).statusCode()).isEqualTo(303);
        assertThat(client.get("/newsroom/password").statusCode()).isEqualTo(302);
        assertThat(client.signIn("kato", "記者のパスワード456").statusCode()).isEqualTo(401);
    }

    @Test
    void signing_out_ends_the_session_on_the_server() {
        var client = NewsroomClient.signedIn(app, "chief", PASSWORD);
        var cookie = client.cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("kiji_session")).findFirst().orElseThrow().getValue();
        assertThat(client.post("/newsroom/signout", Map.of()).statusCode()).isEqualTo(303);
        assertThat(app.kiji.newsroom.sessions.find(cookie)).isEmpty();
    }

    @Test
    void changing_the_password_needs_the_current_one_and_ends_other_sessions() {
        var laptop = new NewsroomClient(app);
        var phone = new NewsroomClient(app);
        laptop.signIn("chief", PASSWORD);
        phone.signIn("chief", PASSWORD);
        var wrong = laptop.post("/newsroom/password", Map.of("current", "not it at all", "next", "新しいパスワード789"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("現在のパスワードが違います");
        var ok = laptop.post("/newsroom/password", Map.of("current", PASSWORD, "next", "新しいパスワード789"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(laptop.get("/newsroom/password").statusCode()).isEqualTo(200);
        assertThat(phone.get("/newsroom/password").statusCode()).isEqualTo(302);
    }

    @Test
    void newsroom_pages_forbid_framing_and_inline_scripts() {
        var response = new NewsroomClient(app).get("/newsroom/signin");
        var csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.body()).doesNotContain("<script>");
    }

    @Test
    void admins_create_list_and_revoke_api_tokens_and_writers_may_not() {
        var admin = NewsroomClient.signedIn(app, "chief", PASSWORD);
        admin.get("/newsroom/tokens");
        var created = admin.post("/newsroom/tokens", Map.of("name", "import-script"));
        assertThat(created.statusCode()).isEqualTo(201);
        var token = created.body().replaceAll("(?s).*<code class=\"nr-token\">([^<]+)</code>.*", "$1");
        assertThat(app.kiji.tokens.verify(token)).isTrue();
        var id = app.kiji.tokens.list().stream().filter(t -> t.name().equals("import-script")).findFirst().orElseThrow().id();
        assertThat(admin.get("/newsroom/tokens").body()).contains("import-script");
        assertThat(admin.post("/newsroom/tokens/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(303);
        assertThat(app.kiji.tokens.verify(token)).isFalse();

        var writer = NewsroomClient.signedIn(app, "kato", "記者のパスワード456");
        assertThat(writer.get("/newsroom/tokens").statusCode()).isEqualTo(403);
        assertThat(writer.post("/newsroom/tokens", Map.of("name", "mine")).statusCode()).isEqualTo(403);
    }
}
