package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import kiji.cli.KijiCommand;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingCliTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run kiji(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = KijiCommand.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private long articleInNewSite() {
        try (var app = TestKiji.start(dir.resolve("data"), MutableClock.at("2024-10-20T00:00:00Z"))) {
            return app.publish("CLIで移行した記事", "本文").id();
        }
    }

    @Test
    void views_import_counts_a_valid_file_and_ranking_prints_it_as_a_table() throws Exception {
        long id = articleInNewSite();
        var now = Clock.systemUTC().instant();
        var file = dir.resolve("views.jsonl");
        Files.writeString(file, "{\"articleId\": " + id + ", \"at\": \"" + now.minusSeconds(60) + "\", \"views\": 12}\n"
                + "{\"articleId\": " + id + ", \"at\": \"" + now.minusSeconds(60) + "\", \"userAgent\": \"\"}\n");
        var imported = kiji("views", "import", file.toString(), "--data", dir.resolve("data").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("{\"lines\":2,\"counted\":12,\"bots\":1,\"repeats\":0}");

        var table = kiji("ranking", "--window", "24h", "--data", dir.resolve("data").toString());
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("24時間").containsPattern("\\s1\\s+12\\s+" + id + "\\s+2024-10-20 09:00\\s+CLIで移行した記事");
    }

    @Test
    void views_import_rejects_a_bad_file_with_exit_2_naming_each_line_and_counts_nothing() throws Exception {
        long id = articleInNewSite();
        var file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"articleId\": " + id + ", \"at\": \"2024-10-20T01:00:00Z\"}\n"
                + "{\"articleId\": " + id + ", \"at\": \"later\"}\n"
                + "{\"articleId\": " + id + ", \"at\": \"2024-10-20T01:00:00Z\", \"views\": -3}\n");
        var run = kiji("views", "import", file.toString(), "--data", dir.resolve("data").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("line 2: at must be an ISO-8601 instant").contains("line 3: views must be");
        var table = kiji("ranking", "--window", "30d", "--at", "2024-10-20T02:00:00Z", "--data",
                dir.resolve("data").toString());
        assertThat(table.out()).contains("まだありません");
    }

    @Test
    void ranking_refuses_an_unknown_category_with_exit_2() {
        articleInNewSite();
        var run = kiji("ranking", "--category", "nope", "--data", dir.resolve("data").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--category").contains("nope");
        var known = kiji("ranking", "--category", "japan-defense", "--data", dir.resolve("data").toString());
        assertThat(known.exit()).as(known.err()).isZero();
    }

    @Test
    void ranking_refuses_a_bad_window_with_exit_2() {
        var run = kiji("ranking", "--window", "2d", "--data", dir.resolve("data").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--window");
    }
}
