package kiji.personnel;

import static kiji.personnel.PersonnelApiTest.json;
import static kiji.personnel.PersonnelApiTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** An officer is found by name in any spelling: site search, the person search page and the API. */
class NameVariantSearchTest {
    /** The list spells 高橋, 山崎 and 渡邉; the second one 髙橋 and 濱田, without spaces. */
    static final String PLAIN = """
            陸上自衛隊
            （12月16日付）
            陸上幕僚監部防衛部長　陸将補　高橋　太郎
            （陸上幕僚監部人事教育部人事教育計画課長）
            第2師団副師団長　陸将補　山崎　剛
            （陸上自衛隊教育訓練研究本部主任研究開発官）
            第4師団副師団長　陸将補　渡邉　修
            （陸上幕僚監部装備計画部装備計画課長）
            """;
    static final String VARIANT = """
            航空自衛隊
            （12月17日付）
            航空総隊司令部幕僚長　空将補　髙橋次郎
            （航空幕僚監部防衛部防衛課長）
            北部航空方面隊副司令官　空将補　濱田四郎
            （航空幕僚監部人事教育部人事教育計画課長）
            """;

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
    void site_search_finds_an_order_by_any_spelling_of_a_name(Engine engine) {
        start(engine);
        var plain = post(PLAIN, "将補人事(陸自3名)");
        var variant = post(VARIANT, "将補人事(空自2名)");
        for (var q : List.of("髙橋太郎", "高橋 太郎", "高橋　太郎", "山﨑", "山崎剛", "渡邊", "渡辺", "渡邉修")) {
            assertThat(titles(q)).as(q).containsExactly(plain);
        }
        for (var q : List.of("高橋次郎", "髙橋 次郎", "浜田", "濵田四郎")) {
            assertThat(titles(q)).as(q).containsExactly(variant);
        }
        assertThat(titles("高橋")).containsExactlyInAnyOrder(plain, variant);
        var page = Jsoup.parse(app.get("/search?q=" + enc("髙橋太郎")).body());
        assertThat(page.select("main").text()).contains(plain);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void the_person_search_and_its_api_find_every_spelling(Engine engine) {
        start(engine);
        post(PLAIN, "将補人事(陸自3名)");
        post(VARIANT, "将補人事(空自2名)");
        for (var q : List.of("山﨑", "山崎　剛", "渡邊", "渡辺修", "渡邉 修")) {
            var items = json(app.get("/api/personnel/people?q=" + enc(q))).get("items");
            assertThat(items).as(q).hasSize(1);
            var page = Jsoup.parse(app.get("/jinji/person?q=" + enc(q)).body());
            assertThat(page.select("ul.people a").attr("href")).as(q).isEqualTo(items.get(0).get("url").asText());
        }
        var takahashi = json(app.get("/api/personnel/people?q=" + enc("髙橋"))).get("items");
        var names = new ArrayList<String>();
        takahashi.forEach(i -> names.add(i.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("高橋 太郎", "髙橋次郎");
        assertThat(json(app.get("/api/personnel/people?q=" + enc("濵田"))).get("items").get(0).get("name").asText())
                .isEqualTo("濱田四郎");
    }

    private void start(Engine engine) {
        app = TestKiji.start(Config.defaults(dir), TestDatabases.open(engine, dir), clock);
    }

    /** Publishes the order and answers its generated title. */
    private String post(String text, String expectedKindPart) {
        var res = app.admin("POST", "/api/admin/personnel-orders", request(text, "将補人事", "published",
                "2025-12-09T10:00:00+09:00", false));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        var title = json(res).get("title").asText();
        assertThat(title).endsWith(expectedKindPart);
        return title;
    }

    private List<String> titles(String q) {
        var res = app.get("/api/search?q=" + enc(q));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        var out = new ArrayList<String>();
        json(res).get("items").forEach(i -> out.add(i.get("title").asText()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
