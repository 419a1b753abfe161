package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kiji.app.Config;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Saves made by another feature through the journal (personnel orders) leave what the newsroom's own
 * editor leaves: a revision per save and an audit line, under the user or the API token that acted.
 */
class ArticleJournalTest {
    static final String ORDER = """
            海上自衛隊
            （12月16日付）
            護衛艦隊司令部幕僚長　海将補　小野寺　悟
            （海上幕僚監部防衛部装備体系課長）
            """;
    static final String ORDER_AGAIN = ORDER + "退職　海将補　西川　浩\n（舞鶴地方総監部幕僚長）\n";

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2025-12-09T01:00:00Z");
    TestKiji app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void an_order_saved_through_the_admin_api_is_recorded_under_its_token(Engine engine) throws Exception {
        app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), clock);
        var tokenName = app.kiji.tokens.list().getFirst().name();
        var created = app.admin("POST", "/api/admin/personnel-orders", body(ORDER));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = new ObjectMapper().readTree(created.body()).get("id").asLong();
        clock.advance(java.time.Duration.ofMinutes(5));
        var updated = app.admin("PUT", "/api/admin/personnel-orders/" + id, body(ORDER_AGAIN));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);

        var revisions = new Revisions(app.kiji.database.jdbi(), clock).list(id);
        assertThat(revisions).extracting(r -> r.savedBy()).containsExactly("API: " + tokenName,
                "API: " + tokenName);
        assertThat(revisions.getFirst().snapshot().title()).isEqualTo("人事発令 12月16日付け、将補人事(海自2名)");
        assertThat(revisions.getLast().snapshot().title()).isEqualTo("人事発令 12月16日付け、将補人事(海自1名)");
        var audit = app.kiji.newsroom.audit.forTarget("article:" + id);
        assertThat(audit).extracting(AuditLog.Entry::action).containsExactly("article.update", "article.create");
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.username()).isEqualTo("API: " + tokenName);
            assertThat(e.userId()).isEmpty();
        });
        assertThat(audit.getLast().detail()).isEqualTo("人事発令「人事発令 12月16日付け、将補人事(海自1名)」 published");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void an_order_saved_in_the_newsroom_is_recorded_under_the_editor_and_shown_in_its_history(Engine engine) {
        app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), clock);
        var sato = app.kiji.newsroom.users.add("sato", "佐藤", Role.EDITOR, "編集者のパスワード1");
        var editor = NewsroomClient.signedIn(app, "sato", "編集者のパスワード1");
        editor.get("/newsroom/personnel/new");
        var preview = editor.post("/newsroom/personnel/preview", form(ORDER + "※定年退職\n"));
        assertThat(org.jsoup.Jsoup.parse(preview.body()).select("ul.personnel-notes li[data-line=5]").text())
                .isEqualTo("※定年退職");
        var saved = editor.post("/newsroom/personnel", form(ORDER));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        var location = saved.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.replaceAll("^/newsroom/personnel/orders/(\\d+)\\?.*$", "$1"));
        editor.get(location);
        assertThat(editor.post("/newsroom/personnel/orders/" + id, form(ORDER_AGAIN)).statusCode()).isEqualTo(303);

        var audit = app.kiji.newsroom.audit.forTarget("article:" + id);
        assertThat(audit).extracting(AuditLog.Entry::action).containsExactly("article.update", "article.create");
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.username()).isEqualTo("sato");
            assertThat(e.userId()).contains(sato.id());
        });
        var history = editor.get("/newsroom/articles/" + id + "/revisions");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(new Revisions(app.kiji.database.jdbi(), clock).list(id)).hasSize(2)
                .allSatisfy(r -> assertThat(r.savedBy()).isEqualTo("sato"));
        assertThat(history.body()).contains("人事発令 12月16日付け、将補人事(海自2名)").contains("sato");
    }

    private static String body(String text) {
        return JsonNodeFactory.instance.objectNode().put("text", text).put("kind", "将補人事").put("status", "published")
                .put("publishedAt", "2025-12-09T10:00:00+09:00").toString();
    }

    private static Map<String, String> form(String text) {
        var m = new HashMap<String, String>();
        m.put("text", text);
        m.put("kind", "将補人事");
        m.put("status", "published");
        m.put("publishedAt", "2025-12-09T10:00");
        return m;
    }
}
