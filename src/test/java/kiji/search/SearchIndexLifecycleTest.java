package kiji.search;

import static kiji.search.SearchFixtures.titles;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import kiji.cli.KijiCommand;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on disk: kept in step with edits, surviving restarts and damage, rebuilt while serving. */
class SearchIndexLifecycleTest {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-10-21T03:00:00Z");

    @Test
    void unpublish_and_delete_remove_a_hit_within_a_second() throws InterruptedException {
        try (var app = TestKiji.start(dir, clock)) {
            var a = app.publish("観艦式の予行(10月20日)", "観艦式の予行が行われた。");
            assertThat(titles(app, "観艦式")).containsExactly("観艦式の予行(10月20日)");

            var put = app.admin("PUT", "/api/admin/articles/" + a.id(), """
                    {"title":"観艦式の予行(10月20日)","body":"観艦式の予行が行われた。","category":"japan-defense",
                     "status":"draft"}""");
            assertThat(put.statusCode()).isEqualTo(200);
            assertThat(awaitEmpty(app, "観艦式")).isTrue();

            var b = app.publish("観艦式の本番(10月27日)", "観艦式が行われた。");
            assertThat(titles(app, "観艦式")).containsExactly("観艦式の本番(10月27日)");
            assertThat(app.admin("DELETE", "/api/admin/articles/" + b.id(), null).statusCode()).isEqualTo(204);
            assertThat(awaitEmpty(app, "観艦式")).isTrue();
        }
    }

    /** True when the query stops finding anything within one second. */
    private static boolean awaitEmpty(TestKiji app, String q) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        do {
            if (titles(app, q).isEmpty()) return true;
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return false;
    }

    @Test
    void index_survives_a_restart_without_being_rebuilt() {
        try (var app = TestKiji.start(dir, clock)) {
            app.publish("空自の航空祭(11月3日)", "空自の基地で航空祭が開かれた。");
        }
        try (var log = new LogCapture(LuceneSearchIndex.class); var app = TestKiji.start(dir, clock)) {
            assertThat(titles(app, "航空祭")).containsExactly("空自の航空祭(11月3日)");
            assertThat(log.lines()).noneMatch(l -> l.contains("rebuil"));
        }
    }

    @Test
    void corrupt_index_files_are_rebuilt_from_the_database_on_start_with_a_log_line() throws IOException {
        try (var app = TestKiji.start(dir, clock)) {
            app.publish("掃海艦の公開(11月5日)", "掃海艦が一般に公開された。");
            app.publish("輸送機の展示(11月6日)", "輸送機が展示された。");
        }
        try (Stream<Path> files = Files.list(liveGeneration())) {
            for (var f : files.filter(p -> !p.getFileName().toString().equals("write.lock")).toList()) scribble(f);
        }
        try (var log = new LogCapture(LuceneSearchIndex.class); var app = TestKiji.start(dir, clock)) {
            assertThat(titles(app, "掃海艦")).containsExactly("掃海艦の公開(11月5日)");
            assertThat(titles(app, "輸送機")).containsExactly("輸送機の展示(11月6日)");
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains("unusable")
                    && l.contains("rebuilding it from the database"));
        }
    }

    @Test
    void an_index_left_with_uncommitted_changes_by_a_crash_is_rebuilt_on_start() throws IOException {
        try (var app = TestKiji.start(dir, clock)) {
            app.publish("輸送艦の配備(11月9日)", "輸送艦が配備された。");
        }
        // what a kill -9 between an edit and the next commit leaves behind
        Files.createFile(liveGeneration().resolve("uncommitted"));
        try (var log = new LogCapture(LuceneSearchIndex.class); var app = TestKiji.start(dir, clock)) {
            assertThat(titles(app, "輸送艦")).containsExactly("輸送艦の配備(11月9日)");
            assertThat(log.lines()).anyMatch(l -> l.contains("not closed cleanly"));
        }
    }

    @Test
    void an_index_missing_its_segments_file_is_rebuilt_on_start() throws IOException {
        try (var app = TestKiji.start(dir, clock)) {
            app.publish("哨戒機の飛行(11月7日)", "哨戒機が飛行した。");
        }
        try (Stream<Path> files = Files.list(liveGeneration())) {
            for (var f : files.filter(p -> p.getFileName().toString().startsWith("segments_")).toList()) Files.delete(f);
        }
        try (var log = new LogCapture(LuceneSearchIndex.class); var app = TestKiji.start(dir, clock)) {
            assertThat(titles(app, "哨戒機")).containsExactly("哨戒機の飛行(11月7日)");
            assertThat(log.lines()).anyMatch(l -> l.contains("unusable"));
        }
    }

    @Test
    void an_index_built_by_an_older_analysis_is_rebuilt_on_start_so_variant_kanji_find_each_other() throws IOException {
        kiji.article.Article article;
        try (var app = TestKiji.start(dir, clock)) {
            article = app.publish("髙橋陸将補の着任(12月16日)", "髙橋陸将補が着任した。");
        }
        // what the release before the variant fold left on disk: the same document, analysed without
        // the fold, under the schema name of that release
        var live = liveGeneration();
        try (var directory = FSDirectory.open(live);
             var writer = new IndexWriter(directory, new IndexWriterConfig(new JapaneseAnalyzer())
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            writer.addDocument(ArticleDocuments.of(article));
            writer.setLiveCommitData(Map.of(Generation.SCHEMA_KEY, "kiji-search-4").entrySet());
            writer.commit();
        }
        try (var log = new LogCapture(LuceneSearchIndex.class); var app = TestKiji.start(dir, clock)) {
            assertThat(titles(app, "高橋")).containsExactly("髙橋陸将補の着任(12月16日)");
            assertThat(log.lines()).anyMatch(l -> l.contains("index schema kiji-search-4, expected " + Generation.SCHEMA)
                    && l.contains("rebuilding"));
        }
    }

    @Test
    void reindex_through_the_running_server_keeps_answering_searches_meanwhile() throws Exception {
        try (var app = TestKiji.start(dir, clock)) {
            for (int i = 1; i <= 120; i++) app.publish("演習の記録 第" + i + "回", "第" + i + "回の共同演習を実施した。");
            var before = liveGeneration();
            var answers = new CopyOnWriteArrayList<String>();
            var running = new AtomicBoolean(true);
            var searcher = new Thread(() -> {
                while (running.get()) {
                    try {
                        var r = app.get("/api/search?q=" + SearchFixtures.enc("演習") + "&size=1");
                        answers.add(r.statusCode() + " " + SearchFixtures.json.readTree(r.body()).get("total").asLong());
                    } catch (Exception e) {
                        answers.add("error " + e);
                    }
                }
            });
            searcher.start();
            var reindex = app.admin("POST", "/api/admin/search/reindex", null);
            var afterReindex = answers.size();
            running.set(false);
            searcher.join();

            assertThat(reindex.statusCode()).isEqualTo(200);
            assertThat(reindex.body()).contains("\"documents\":120");
            assertThat(afterReindex).isPositive();
            assertThat(answers).allMatch(a -> a.equals("200 120"));
            assertThat(liveGeneration()).isNotEqualTo(before);
            assertThat(before).doesNotExist();
            assertThat(titles(app, "第7回")).containsExactly("演習の記録 第7回");
        }
    }

    @Test
    void cli_reindex_refuses_while_a_server_holds_the_index_and_rebuilds_once_it_stopped() {
        try (var app = TestKiji.start(dir, clock)) {
            app.publish("護衛艦の入港(11月8日)", "護衛艦が入港した。");
            var busy = cli("search", "reindex", "--data", dir.toString());
            assertThat(busy.exit()).isEqualTo(1);
            assertThat(busy.err()).contains("in use by another Kiji process").contains("POST /api/admin/search/reindex");
            assertThat(titles(app, "入港")).hasSize(1);
        }
        var before = liveGeneration();
        var done = cli("search", "reindex", "--data", dir.toString());
        assertThat(done.exit()).isEqualTo(0);
        assertThat(done.out()).contains("search index rebuilt: 1 articles");
        assertThat(liveGeneration()).isNotEqualTo(before);
        try (var app = TestKiji.start(dir, clock)) {
            assertThat(titles(app, "入港")).containsExactly("護衛艦の入港(11月8日)");
        }
    }

    record Run(int exit, String out, String err) {}

    private static Run cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var oldOut = System.out;
        try {
            System.setOut(new PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            var cl = KijiCommand.commandLine();
            cl.setErr(new java.io.PrintWriter(err, true, java.nio.charset.StandardCharsets.UTF_8));
            int exit = cl.execute(args);
            return new Run(exit, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                    err.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
        }
    }

    private Path liveGeneration() {
        try {
            return dir.resolve("index").resolve(Files.readString(dir.resolve("index/CURRENT")).strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Overwrites bytes in the middle of a file, as a failing disk would. */
    private static void scribble(Path file) throws IOException {
        try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
            long len = raf.length();
            if (len == 0) return;
            var junk = new byte[(int) Math.min(64, len)];
            for (int i = 0; i < junk.length; i++) junk[i] = (byte) (0x5A ^ i);
            raf.seek(len / 2);
            raf.write(junk, 0, (int) Math.min(junk.length, len - len / 2));
        }
    }
}
