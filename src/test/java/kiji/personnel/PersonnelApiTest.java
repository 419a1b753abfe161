package kiji.personnel;

import static kiji.testing.HttpAssertions.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import kiji.app.Config;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The admin and public personnel API over real HTTP, on SQLite and PostgreSQL. */
class PersonnelApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FIRST = """
            陸上自衛隊
            （12月16日付）
            陸上幕僚監部防衛部長　陸将補　髙橋　太郎
            （陸上幕僚監部人事教育部人事教育計画課長）
            第1師団副師団長　兼　練馬駐屯地司令　陸将補　佐藤　一郎
            （陸上自衛隊教育訓練研究本部主任研究開発官）
            退職　陸将補　鈴木　次郎
            （第6師団副師団長）
            海上自衛隊
            （12月16日付）
            護衛艦隊司令部幕僚長　海将補　中村　三郎
            （海上幕僚監部防衛部装備体系課長）
            """;
    static final String SECOND = """
            陸上自衛隊
            (令和8年3月23日付)
            第1師団長　陸将　高橋太郎
            (陸上幕僚監部防衛部長)
            """;

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2025-12-09T01:00:00Z");
    TestKiji app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private void start(Engine engine) {
        app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), clock);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void an_order_is_published_as_an_article_with_its_title_and_a_career_follows_the_person_across_orders(Engine engine) {
        start(engine);
        var res = app.admin("POST", "/api/admin/personnel-orders", request(FIRST, "将補人事", "published",
                "2025-12-09T10:00:00+09:00", false));
        assertJson(res, 201);
        var created = json(res);
        long first = created.get("id").asLong();
        assertThat(created.get("url").asText()).isEqualTo("/docs/jinji/%06d.html".formatted(first));
        assertThat(created.get("title").asText()).isEqualTo("人事発令 12月16日付け、将補人事(陸自3名、海自1名)");
        assertThat(created.get("entries")).hasSize(4);
        var sato = created.get("entries").get(1);
        assertThat(sato.get("post").asText()).isEqualTo("第1師団副師団長");
        assertThat(sato.get("concurrentPosts").toString()).isEqualTo("[\"練馬駐屯地司令\"]");
        assertThat(created.get("entries").get(2).get("retired").asBoolean()).isTrue();
        assertThat(created.get("entries").get(2).get("postId").isNull()).isTrue();

        var page = app.get(created.get("url").asText());
        assertThat(page.statusCode()).isEqualTo(200);
        long takahashi = created.get("entries").get(0).get("personId").asLong();
        assertThat(page.body()).contains("href=\"/jinji/person/" + takahashi + "\"")
                .contains("href=\"/jinji/post/" + sato.get("postId").asLong() + "\"");

        clock.advance(java.time.Duration.ofDays(100));
        var second = json(app.admin("POST", "/api/admin/personnel-orders", request(SECOND, "将人事", "published",
                "2026-03-18T10:00:00+09:00", true)));
        assertThat(second.get("title").asText()).isEqualTo("人事発令 令和8年3月23日付け、将人事(陸自1名)");
        assertThat(second.get("entries").get(0).get("personId").asLong()).isEqualTo(takahashi);

        var person = json(app.get("/api/personnel/people/" + takahashi));
        assertThat(person.get("name").asText()).isEqualTo("髙橋 太郎");
        assertThat(person.get("service").asText()).isEqualTo("陸上自衛隊");
        assertThat(person.get("url").asText()).isEqualTo("/jinji/person/" + takahashi);
        assertThat(person.get("career")).hasSize(2);
        var step = person.get("career").get(0);
        assertThat(names(step.fieldNames())).containsExactly("effectiveDate", "rank", "post",
                "concurrentPosts", "previousPost", "retired", "articleId", "articleUrl");
        assertThat(step.get("effectiveDate").asText()).isEqualTo("2025-12-16");
        assertThat(step.get("articleId").asLong()).isEqualTo(first);
        assertThat(person.get("career").get(1).get("rank").asText()).isEqualTo("陸将");
        assertThat(person.get("career").get(1).get("post").asText()).isEqualTo("第1師団長");

        for (var q : List.of("髙橋", "高橋 太郎", "高橋太郎")) {
            var found = json(app.get("/api/personnel/people?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
            assertThat(found.get("items")).as(q).hasSize(1);
            assertThat(found.get("items").get(0).get("id").asLong()).isEqualTo(takahashi);
        }
        var order = json(app.get("/api/personnel/orders/" + first));
        assertThat(order.get("entries")).hasSize(4);
        assertThat(order.get("kind").asText()).isEqualTo("将補人事");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void bad_lines_answer_400_with_each_line_and_nothing_is_saved(Engine engine) {
        start(engine);
        var text = "陸上自衛隊\n（12月16日付）\n第1師団長　山田　太郎\n（第2師団長）\n第3師団長　陸将　佐藤　一郎\n";
        var res = app.admin("POST", "/api/admin/personnel-orders", request(text, "将人事", "published",
                "2025-12-09T10:00:00+09:00", false));
        assertJson(res, 400);
        var body = json(res);
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(names(body.get("lines").fieldNames())).containsExactly("3", "5");
        assertThat(json(app.admin("GET", "/api/admin/articles", null)).get("total").asLong()).isZero();
        assertThat(json(app.get("/api/personnel/people?q=" + URLEncoder.encode("佐藤", StandardCharsets.UTF_8)))
                .get("items")).isEmpty();

        var wrongKind = app.admin("POST", "/api/admin/personnel-orders", request(FIRST, "大人事", "published", null, false));
        assertJson(wrongKind, 400);
        assertThat(wrongKind.body()).contains("kind");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void put_reparses_the_text_and_replaces_the_entries(Engine engine) {
        start(engine);
        var created = json(app.admin("POST", "/api/admin/personnel-orders", request(FIRST, "将補人事", "published",
                "2025-12-09T10:00:00+09:00", false)));
        long id = created.get("id").asLong();
        var put = app.admin("PUT", "/api/admin/personnel-orders/" + id, request(SECOND, "将人事", "published",
                "2025-12-09T10:00:00+09:00", false));
        assertJson(put, 200);
        assertThat(json(put).get("title").asText()).isEqualTo("人事発令 3月23日付け、将人事(陸自1名)");
        var order = json(app.get("/api/personnel/orders/" + id));
        assertThat(order.get("entries")).hasSize(1);
        long sato = created.get("entries").get(1).get("personId").asLong();
        assertJson(app.get("/api/personnel/people/" + sato), 404); // his only entry is gone
        assertJson(app.admin("PUT", "/api/admin/personnel-orders/999", request(SECOND, "将人事", "published", null, false)), 404);
        var bad = app.admin("PUT", "/api/admin/personnel-orders/" + id, request("陸上自衛隊\n退職", "将人事", "published", null, false));
        assertJson(bad, 400);
        assertThat(json(app.get("/api/personnel/orders/" + id)).get("entries")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_draft_order_shows_nobody(Engine engine) {
        start(engine);
        var created = json(app.admin("POST", "/api/admin/personnel-orders", request(FIRST, "将補人事", "draft", null, false)));
        long person = created.get("entries").get(0).get("personId").asLong();
        assertJson(app.get("/api/personnel/people/" + person), 404);
        assertJson(app.get("/api/personnel/orders/" + created.get("id").asLong()), 404);
        assertThat(json(app.get("/api/personnel/people?q=" + URLEncoder.encode("高橋", StandardCharsets.UTF_8)))
                .get("items")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void the_admin_api_merges_two_persons_and_splits_one_and_the_pages_follow(Engine engine) {
        start(engine);
        var first = json(app.admin("POST", "/api/admin/personnel-orders", request(FIRST, "将補人事", "published",
                "2025-12-09T10:00:00+09:00", false)));
        var typo = json(app.admin("POST", "/api/admin/personnel-orders", request(
                "陸上自衛隊\n(12月20日付)\n第1師団長 陸将 髙槗太郎\n(陸上幕僚監部防衛部長)\n", "将人事", "published",
                "2025-12-09T10:00:00+09:00", false)));
        long takahashi = first.get("entries").get(0).get("personId").asLong();
        long other = typo.get("entries").get(0).get("personId").asLong();
        assertThat(other).isNotEqualTo(takahashi);

        var merged = app.admin("POST", "/api/admin/personnel-people/" + other + "/merge", "{\"into\": " + takahashi + "}");
        assertJson(merged, 200);
        assertThat(json(app.get("/api/personnel/people/" + takahashi)).get("career")).hasSize(2);
        assertJson(app.get("/api/personnel/people/" + other), 404);
        assertJson(app.admin("POST", "/api/admin/personnel-people/" + other + "/merge", "{\"into\": " + takahashi + "}"), 404);
        assertJson(app.admin("POST", "/api/admin/personnel-people/" + takahashi + "/merge", "{}"), 400);

        long entry = json(app.get("/api/personnel/orders/" + typo.get("id").asLong())).get("entries").get(0).get("line").asLong();
        assertThat(entry).isEqualTo(3);
        long entryId = app.kiji.personnel.people.career(takahashi, clock.instant()).get(1).entryId();
        var split = app.admin("POST", "/api/admin/personnel-people/" + takahashi + "/split", "{\"entries\": [" + entryId + "]}");
        assertJson(split, 201);
        long namesake = json(split).get("id").asLong();
        assertThat(json(app.get("/api/personnel/people/" + namesake)).get("career")).hasSize(1);
        assertThat(json(app.get("/api/personnel/people/" + takahashi)).get("career")).hasSize(1);
        assertJson(app.admin("POST", "/api/admin/personnel-people/" + takahashi + "/split", "{\"entries\": [" + entryId + "]}"), 400);
        assertJson(app.admin("POST", "/api/admin/personnel-people/" + takahashi + "/split", "{\"entries\": []}"), 400);
        assertThat(app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                app.url("/api/admin/personnel-people/" + takahashi + "/merge"))).POST(
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"into\": 1}")).build()).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void civilians_without_a_rank_and_the_lists_notes_reach_the_article_page_under_their_table(Engine engine) {
        start(engine);
        var res = app.admin("POST", "/api/admin/personnel-orders", request("""
                防衛省
                （12月16日付）
                大臣官房審議官　山田　花子
                （防衛政策局防衛政策課長）
                ※定年退職
                航空自衛隊
                （12月16日付）
                第7航空団司令　空将補　北村　聡
                （航空救難団司令）
                """, "その他", "published", "2025-12-09T10:00:00+09:00", false));
        assertJson(res, 201);
        var created = json(res);
        assertThat(created.get("title").asText()).isEqualTo("人事発令 12月16日付け、その他(事務官1名、空自1名)");
        assertThat(created.get("entries").get(0).get("rank").asText()).isEmpty();
        var page = Jsoup.parse(app.get(created.get("url").asText()).body());
        var note = page.select("table + p").first();
        assertThat(note).isNotNull();
        assertThat(note.text()).isEqualTo("※定年退職");
        assertThat(note.previousElementSibling().text()).contains("山田 花子").doesNotContain("北村 聡");
        var order = json(app.get("/api/personnel/orders/" + created.get("id").asLong()));
        assertThat(order.get("notes")).hasSize(1);
        assertThat(order.get("notes").get(0).get("text").asText()).isEqualTo("※定年退職");
        assertThat(order.get("notes").get(0).get("service").asText()).isEqualTo("防衛省");
        assertThat(order.get("notes").get(0).get("line").asInt()).isEqualTo(5);
    }

    static String request(String text, String kind, String status, String publishedAt, boolean eraYear) {
        var node = JsonNodeFactory.instance.objectNode().put("text", text).put("kind", kind).put("status", status)
                .put("eraYear", eraYear);
        if (publishedAt != null) node.put("publishedAt", publishedAt);
        return node.toString();
    }

    static List<String> names(java.util.Iterator<String> it) {
        var out = new java.util.ArrayList<String>();
        it.forEachRemaining(out::add);
        return out;
    }

    static JsonNode json(HttpResponse<String> res) {
        try {
            return JSON.readTree(res.body());
        } catch (IOException e) {
            throw new UncheckedIOException(res.body(), e);
        }
    }
}
