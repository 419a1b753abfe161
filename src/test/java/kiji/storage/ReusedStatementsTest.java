package kiji.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Statements kept for reuse on one handle give the same answers as fresh ones. */
class ReusedStatementsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void repeated_and_nested_statements_see_their_own_parameters_and_results(Engine engine) {
        try (var db = TestDatabases.open(engine, dir)) {
            List<String> seen = new ArrayList<>();
            db.jdbi().useTransaction(h -> ReusedStatements.during(h, () -> {
                for (int i = 0; i < 50; i++) {
                    h.createUpdate("INSERT INTO tag (name) VALUES (:name)").bind("name", "話題" + i).execute();
                }
                var batch = h.prepareBatch("INSERT INTO author (name) VALUES (:name) ON CONFLICT (name) DO NOTHING");
                batch.bind("name", "記者A").add().bind("name", "記者B").add().execute();
                var again = h.prepareBatch("INSERT INTO author (name) VALUES (:name) ON CONFLICT (name) DO NOTHING");
                again.bind("name", "記者C").add().execute();
                // the same query inside its own result loop: the outer statement is still in use
                h.createQuery("SELECT name FROM tag WHERE name IN ('話題1', '話題2') ORDER BY name")
                        .mapTo(String.class)
                        .forEach(outer -> seen.add(outer + ":" + h.createQuery(
                                        "SELECT name FROM tag WHERE name IN ('話題1', '話題2') ORDER BY name")
                                .mapTo(String.class).list().size()));
            }));
            long tags = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tag").mapTo(Long.class).one());
            var authors = db.jdbi().withHandle(h -> h.createQuery("SELECT name FROM author ORDER BY name")
                    .mapTo(String.class).list());
            assertThat(tags).isEqualTo(50);
            assertThat(authors).containsExactly("記者A", "記者B", "記者C");
            assertThat(seen).containsExactly("話題1:2", "話題2:2");
        }
    }
}
