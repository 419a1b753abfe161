package kiji.search;

import static kiji.search.SearchFixtures.titles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import kiji.app.Config;
import kiji.storage.Database;
import kiji.storage.DatabaseSettings;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Kiji nodes on one PostgreSQL database, each with its own Lucene index: what an editor
 * changes on node A reaches node B's search through the change feed.
 */
class MultiNodeSearchTest {
    @TempDir
    Path dirA;

    @TempDir
    Path dirB;

    final MutableClock clock = MutableClock.at("2024-10-21T03:00:00Z");
    final DatabaseSettings db = TestDatabases.freshPostgres();

    TestKiji node(Path dir) {
        return TestKiji.start(Config.defaults(dir), Database.open(db), clock);
    }

    @Test
    void publish_unpublish_and_delete_on_one_node_reach_the_other_nodes_search_within_seconds() throws Exception {
        try (var a = node(dirA); var b = node(dirB)) {
            var article = a.publish("与那国島のレーダー配備(10月20日)", "与那国島で新しいレーダーの運用が始まった。");
            assertThat(await(b, "与那国島", List.of("与那国島のレーダー配備(10月20日)"))).isTrue();

            var put = a.admin("PUT", "/api/admin/articles/" + article.id(), """
                    {"title":"与那国島のレーダー配備(10月20日)","body":"与那国島で新しいレーダーの運用が始まった。",
                     "category":"japan-defense","status":"draft"}""");
            assertThat(put.statusCode()).isEqualTo(200);
            assertThat(await(b, "与那国島", List.of())).isTrue();

            var second = b.publish("石垣島の駐屯地祭(10月27日)", "石垣島の駐屯地で記念行事が開かれた。");
            assertThat(await(a, "石垣島", List.of("石垣島の駐屯地祭(10月27日)"))).isTrue();
            assertThat(a.admin("DELETE", "/api/admin/articles/" + second.id(), null).statusCode()).isEqualTo(204);
            assertThat(await(b, "石垣島", List.of())).isTrue();
        }
    }

    @Test
    void a_node_that_was_down_catches_up_on_edits_made_meanwhile() throws Exception {
        long id;
        try (var a = node(dirA)) {
            id = a.publish("宮古島の訓練(10月20日)", "宮古島で訓練が行われた。").id();
            try (var b = node(dirB)) {
                assertThat(titles(b, "宮古島")).containsExactly("宮古島の訓練(10月20日)");
            }
            // B is stopped: the same number of articles, so only the feed can tell it of the edit
            var put = a.admin("PUT", "/api/admin/articles/" + id, """
                    {"title":"宮古島の防災訓練(10月20日)","body":"宮古島で防災訓練が行われた。",
                     "category":"japan-defense","status":"published","publishedAt":"2024-10-21T03:00:00Z"}""");
            assertThat(put.statusCode()).isEqualTo(200);
            try (var log = new LogCapture(LuceneSearchIndex.class); var b = node(dirB)) {
                assertThat(titles(b, "宮古島")).containsExactly("宮古島の防災訓練(10月20日)");
                assertThat(log.lines()).noneMatch(l -> l.contains("rebuil"));
            }
        }
    }

    /** True when node's search for q shows exactly these titles within three seconds. */
    private static boolean await(TestKiji node, String q, List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        do {
            if (titles(node, q).equals(expected)) return true;
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return false;
    }
}
