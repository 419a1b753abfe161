package kiji.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import kiji.app.Config;
import kiji.article.Article;
import kiji.newsroom.Photo;
import kiji.newsroom.PhotoUploads;
import kiji.ranking.HourBucketStore.HourViews;
import kiji.storage.Database;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestKiji;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiji backup} while a server writes, then {@code kiji restore} into an empty folder:
 * every article, photo, view count and the user dictionary come back, and the search index is
 * rebuilt. On PostgreSQL the archive holds photos and dictionary, and says to use pg_dump.
 */
class BackupRestoreTest {
    static final String USERDICT = "防衛装備庁,防衛 装備 庁,ボウエイ ソウビ チョウ,カスタム名詞\n";

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-10-21T01:00:00Z");

    @Test
    void a_backup_taken_while_the_server_writes_restores_every_article_photo_and_view_count() throws Exception {
        var site = dir.resolve("site");
        var archive = dir.resolve("kiji-backup.tar.gz");
        var restored = dir.resolve("restored");
        var articles = new ArrayList<Article>();
        List<Photo> photos;
        List<List<Object>> views;
        byte[][] photoBytes;
        try (var app = TestKiji.start(site, clock)) {
            Files.writeString(site.resolve("userdict.txt"), USERDICT);
            for (int i = 1; i <= 5; i++) articles.add(app.publish("護衛艦いずもの改修 第" + i + "報", "防衛装備庁が発表した。本文" + i));
            var uploads = PhotoUploads.as(app, "sato");
            photos = List.of(uploads.jpeg(1700, 900, "基地の航空祭"), uploads.jpeg(640, 480, "訓練の様子"));
            photoBytes = photos.stream().map(p -> new kiji.newsroom.FileMediaStore(site.resolve("media"))
                    .get(p.id() + "/480.jpg").orElseThrow()).toArray(byte[][]::new);
            long hour = clock.instant().getEpochSecond() / 3600;
            app.kiji.ranking.store().addHistory(articles.stream()
                    .map(a -> new HourViews(a.id(), hour, 100 + a.id())).toList());
            views = viewRows(app.kiji.database.jdbi());

            // a writer keeps publishing, with views, while the backup runs
            var writing = new AtomicBoolean(true);
            var written = new AtomicInteger();
            var writer = new Thread(() -> {
                while (writing.get()) {
                    var a = app.publish("速報 " + written.incrementAndGet(), "書き込み中の記事");
                    app.kiji.ranking.store().addHistory(List.of(new HourViews(a.id(), hour + 1, 7)));
                }
            });
            writer.start();
            while (written.get() < 3) Thread.sleep(5);
            var backup = KijiCommandTest.kiji("backup", "--to", archive.toString(), "--data", site.toString());
            writing.set(false);
            writer.join();
            assertThat(backup.code()).as(backup.err()).isEqualTo(0);
            assertThat(backup.out()).contains("database included").contains("user dictionary included");
        }

        var restore = KijiCommandTest.kiji("restore", archive.toString(), "--data", restored.toString());
        assertThat(restore.code()).as(restore.err()).isEqualTo(0);
        assertThat(restore.out()).contains("search index rebuilt");
        assertThat(restored.resolve("index")).isDirectory(); // built by restore, before any server starts
        assertThat(Files.readString(restored.resolve("userdict.txt"))).isEqualTo(USERDICT);

        try (var app = TestKiji.start(restored, clock)) {
            String integrity = app.kiji.database.jdbi().withHandle(h -> h.createQuery("PRAGMA integrity_check")
                    .mapTo(String.class).one());
            assertThat(integrity).isEqualTo("ok");
            long count = app.kiji.database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM article")
                    .mapTo(Long.class).one());
            assertThat(count).isGreaterThanOrEqualTo(articles.size() + 3); // with what the writer wrote before
            for (var a : articles) {
                var back = app.kiji.articles.find(a.id()).orElseThrow();
                assertThat(back.title()).isEqualTo(a.title());
                assertThat(back.body()).isEqualTo(a.body());
            }
            assertThat(viewRows(app.kiji.database.jdbi())).containsAll(views);
            for (int i = 0; i < photos.size(); i++) {
                var response = kiji.testing.TestKiji.http11().send(HttpRequest.newBuilder(
                        URI.create(app.url(photos.get(i).url(480)))).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(photoBytes[i]);
            }
            assertThat(app.kiji.newsroom.photos.recent(10)).extracting(Photo::id)
                    .containsExactlyElementsOf(photos.reversed().stream().map(Photo::id).toList());
            var search = app.get("/search?q=" + URLEncoder.encode("改修 第3報", StandardCharsets.UTF_8));
            assertThat(search.body()).contains("護衛艦いずもの改修 第3報");
        }
    }

    @Test
    void restore_refuses_a_folder_that_is_not_empty_and_a_file_that_is_not_a_backup() throws Exception {
        var full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("kiji.db"), "x");
        var archive = Files.writeString(dir.resolve("notes.tar.gz"), "これはバックアップではありません");

        var notEmpty = KijiCommandTest.kiji("restore", archive.toString(), "--data", full.toString());
        assertThat(notEmpty.code()).isEqualTo(2);
        assertThat(notEmpty.err()).startsWith("kiji: --data: ").contains("is not empty");

        var empty = dir.resolve("empty");
        var notABackup = KijiCommandTest.kiji("restore", archive.toString(), "--data", empty.toString());
        assertThat(notABackup.code()).isEqualTo(2);
        assertThat(notABackup.err()).contains("is not a .tar.gz Kiji backup");
        try (var left = Files.list(empty)) {
            assertThat(left).isEmpty();
        }

        var existing = KijiCommandTest.kiji("backup", "--to", archive.toString(), "--data", full.toString());
        assertThat(existing.code()).isEqualTo(2);
        assertThat(existing.err()).contains("already exists");
    }

    @Test
    void on_postgresql_the_backup_holds_photos_and_dictionary_and_points_to_pg_dump() throws Exception {
        var settings = TestDatabases.freshPostgres();
        var site = dir.resolve("node");
        Photo photo;
        try (var app = TestKiji.start(Config.defaults(site), Database.open(settings), clock)) {
            photo = PhotoUploads.as(app, "sato").jpeg(700, 500, "記者会見");
            Files.writeString(site.resolve("userdict.txt"), USERDICT);
            var archive = dir.resolve("pg.tar.gz");
            var backup = KijiCommandTest.kiji("backup", "--to", archive.toString(), "--data", site.toString(),
                    "--db-url", settings.url(), "--db-user", "postgres");
            assertThat(backup.code()).as(backup.err()).isEqualTo(0);
            assertThat(backup.out()).contains("database NOT included").contains("pg_dump");

            var restored = dir.resolve("restored");
            var restore = KijiCommandTest.kiji("restore", archive.toString(), "--data", restored.toString());
            assertThat(restore.code()).as(restore.err()).isEqualTo(0);
            assertThat(restore.out()).contains("pg_restore");
            assertThat(restored.resolve("kiji.db")).doesNotExist();
            assertThat(restored.resolve("media/" + photo.id() + "/480.jpg")).exists();
            assertThat(Files.readString(restored.resolve("userdict.txt"))).isEqualTo(USERDICT);
        }
    }

    @Test
    void photos_on_s3_are_backed_up_from_the_bucket_and_restored_into_the_data_folder() throws Exception {
        var site = dir.resolve("site");
        var bucket = kiji.testing.TestS3.freshBucket();
        Photo photo;
        byte[] bytes;
        try (var app = TestKiji.start(Config.defaults(site).withMedia(kiji.testing.TestS3.media(bucket, "kiji")),
                Database.sqlite(site), clock)) {
            photo = PhotoUploads.as(app, "sato").jpeg(900, 600, "観艦式");
            bytes = kiji.testing.TestKiji.http11().send(HttpRequest.newBuilder(URI.create(app.url(photo.url(480)))).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(bytes).isNotEmpty();
            var archive = dir.resolve("s3.tar.gz");
            var backup = KijiCommandTest.kiji("backup", "--to", archive.toString(), "--data", site.toString(),
                    "--media-url", "s3://" + bucket + "/kiji", "--s3-endpoint", kiji.testing.TestS3.endpoint().toString());
            assertThat(backup.code()).as(backup.err()).isEqualTo(0);
            assertThat(site.resolve("media")).doesNotExist();

            var restored = dir.resolve("restored");
            assertThat(KijiCommandTest.kiji("restore", archive.toString(), "--data", restored.toString()).code()).isEqualTo(0);
            assertThat(Files.readAllBytes(restored.resolve("media/" + photo.id() + "/480.jpg"))).isEqualTo(bytes);
        }
    }

    private static List<List<Object>> viewRows(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT article_id, hour, views FROM view_hour ORDER BY article_id, hour")
                .map((rs, ctx) -> List.<Object>of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list());
    }
}
