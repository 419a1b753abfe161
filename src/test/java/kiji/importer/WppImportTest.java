package kiji.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kiji.app.Config;
import kiji.article.ArticleFilter;
import kiji.article.PageRequest;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code kiji views import --format wpp}: WordPress Popular Posts' history into the ranking. */
class WppImportTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    /** {@code kiji views import} prints with System.out/err, so those are what is captured. */
    private static Run views(Cli cli, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            var run = cli.kiji(args);
            return new Run(run.code(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + run.err());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void popular_posts_rows_land_in_the_ranking_of_the_imported_articles_and_unknown_ids_are_skipped(Engine engine)
            throws Exception {
        var cli = new Cli(engine, dir);
        assertThat(cli.kiji("import", "wordpress", Cli.fixture("wordpress.xml").toString()).code()).isZero();
        var csv = Files.writeString(dir.resolve("wpp.csv"), """
                "ID","view_datetime","pageviews","postid","view_date"
                "1","2024-05-02 19:05:00","30","101","2024-05-02"
                "2","2024-05-02 19:40:00","12","101","2024-05-02"
                "3","2024-05-02 20:10:00","25","102","2024-05-02"
                "4","2024-05-02 20:15:00","7","999","2024-05-02"
                """);
        var run = views(cli, "views", "import", "--format", "wpp", csv.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("{\"lines\":4,\"counted\":67,\"bots\":0,\"repeats\":0,\"unknown\":1}");
        assertThat(run.err()).contains("1 rows (7 views) of posts never imported were skipped");

        try (var app = TestKiji.start(Config.defaults(dir), cli.database(), MutableClock.at("2024-05-02T12:00:00Z"))) {
            Map<String, Long> ids = new HashMap<>();
            app.kiji.articles.list(ArticleFilter.all(), new PageRequest(1, 50), Optional.empty()).items()
                    .forEach(a -> ids.put(a.title(), a.id()));
            app.kiji.ranking.refresh();
            var ranking = new ObjectMapper().readTree(app.get("/api/ranking?window=24h").body());
            var items = ranking.get("items");
            assertThat(items.get(0).get("articleId").asLong()).isEqualTo(ids.get("市議会、来年度予算案を可決"));
            assertThat(items.get(0).get("views").asLong()).isEqualTo(42);
            assertThat(items.get(1).get("views").asLong()).isEqualTo(25);
            assertThat(items).hasSize(2);
            // 19:05 and 19:40 Japan time are one hour bucket: 10:00 UTC
            assertThat(app.kiji.ranking.store().series(ids.get("市議会、来年度予算案を可決"),
                    new kiji.ranking.HourRange(0, Long.MAX_VALUE))).containsExactly(
                    Map.entry(java.time.Instant.parse("2024-05-02T10:00:00Z").getEpochSecond() / 3600, 42L));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_file_with_bad_rows_exits_2_naming_each_line_and_counts_nothing(Engine engine) throws Exception {
        var cli = new Cli(engine, dir);
        assertThat(cli.kiji("import", "wordpress", Cli.fixture("wordpress.xml").toString()).code()).isZero();
        var csv = Files.writeString(dir.resolve("bad.csv"), """
                postid,pageviews,view_datetime
                101,5,2024-05-02 19:05:00
                101,many,2024-05-02 19:05:00
                abc,1,2024-05-02 19:05:00
                101,1,2024/05/02 19:05
                """);
        var run = views(cli, "views", "import", "--format", "wpp", csv.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("line 3: pageviews must be", "line 4: postid must be", "line 5: view_datetime must be");
        try (var db = cli.database()) {
            assertThat(new kiji.ranking.HourBucketStore(db.jdbi()).totalViews()).isZero();
        }
        var noColumn = Files.writeString(dir.resolve("header.csv"), "postid,views,view_datetime\n101,1,2024-05-02 19:05:00\n");
        var header = views(cli, "views", "import", "--format", "wpp", noColumn.toString());
        assertThat(header.code()).isEqualTo(2);
        assertThat(header.err()).contains("line 1: the header has no pageviews column");
    }

    @Test
    void local_times_fall_into_their_utc_hour_buckets_across_zones() {
        var tokyo = new LocalHours(ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo.epochHour("2024-05-02 09:59:59")).isEqualTo(java.time.Instant.parse("2024-05-02T00:00:00Z").getEpochSecond() / 3600);
        assertThat(tokyo.epochHour("2024-05-02 10:00")).isEqualTo(java.time.Instant.parse("2024-05-02T01:00:00Z").getEpochSecond() / 3600);
        var india = new LocalHours(ZoneId.of("Asia/Kolkata")); // +05:30
        assertThat(india.epochHour("2024-05-02 05:29:00")).isEqualTo(java.time.Instant.parse("2024-05-01T23:00:00Z").getEpochSecond() / 3600);
        assertThat(india.epochHour("2024-05-02 05:31:00")).isEqualTo(java.time.Instant.parse("2024-05-02T00:00:00Z").getEpochSecond() / 3600);
        assertThat(tokyo.epochHour("2024-13-02 05:31:00")).isEqualTo(-1);
        assertThat(tokyo.epochHour("yesterday")).isEqualTo(-1);
    }
}
