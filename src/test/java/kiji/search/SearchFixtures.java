package kiji.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kiji.article.Article;
import kiji.article.ArticleDraft;
import kiji.article.Status;
import kiji.testing.TestKiji;

/** Small helpers for search tests: write articles, ask /api/search, read the titles back. */
final class SearchFixtures {
    static final ObjectMapper json = new ObjectMapper();

    private SearchFixtures() {}

    static Article article(TestKiji app, String category, String title, String body, Status status, Instant at) {
        app.category("japan-defense", "日本の防衛", "mod");
        app.category("personnel", "人事発令", "jinji");
        return app.kiji.articleService.create(new ArticleDraft(Optional.empty(), title, "", body, category,
                List.of(), List.of(), status, Optional.of(at)));
    }

    static JsonNode api(TestKiji app, String params) {
        var r = app.get("/api/search?" + params);
        if (r.statusCode() != 200) throw new AssertionError("GET /api/search?" + params + " → " + r.statusCode() + " " + r.body());
        try {
            return json.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<String> titles(TestKiji app, String q) {
        return titles(api(app, "q=" + enc(q)));
    }

    static List<String> titles(JsonNode answer) {
        var out = new ArrayList<String>();
        answer.get("items").forEach(i -> out.add(i.get("title").asText()));
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
