package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import kiji.testing.TestKiji;

/** Reads rankings through the public API, after making every pending view visible. */
final class Rankings {
    private Rankings() {}

    record Entry(long articleId, long views) {}

    static JsonNode json(TestKiji app, String query) {
        app.kiji.ranking.refresh();
        var r = app.get("/api/ranking" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        try {
            return new ObjectMapper().readTree(r.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<Entry> entries(TestKiji app, String query) {
        var out = new ArrayList<Entry>();
        for (var item : json(app, query).get("items")) {
            out.add(new Entry(item.get("articleId").asLong(), item.get("views").asLong()));
        }
        return out;
    }

    static long viewsOf(TestKiji app, String query, long articleId) {
        return entries(app, query).stream().filter(e -> e.articleId() == articleId).mapToLong(Entry::views)
                .findFirst().orElse(0);
    }
}
