package kiji.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import kiji.app.Config;
import kiji.article.Article;
import kiji.article.ArticleFilter;
import kiji.article.ArticleStore;
import kiji.article.PageRequest;
import kiji.media.S3MediaStore;
import kiji.storage.Database;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import kiji.testing.TestS3;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code kiji import wordpress --media}: attachments become photos, featured photos and body
 * images follow them, through the CLI and the public site, on SQLite and PostgreSQL.
 */
class MediaImportTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void attachments_become_photos_shown_as_featured_photos_and_in_bodies_on_the_public_site(Engine engine)
            throws Exception {
        var cli = new Cli(engine, data());
        var run = cli.kiji("import", "wordpress", fixture(), "--media", uploads().toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        var report = JSON.readTree(run.out());
        assertThat(report.get("photos").asInt()).isEqualTo(2); // hanabi-scaled.jpg, chizu.png
        assertThat(report.get("articles").get("published").asInt()).isEqualTo(2);
        assertThat(warnings(report)).contains(
                "attachment 403: file not found under --media: 2024/10/kieta.jpg",
                "302: featured image 403 was not imported");
        assertThat(warnings(report)).anyMatch(w -> w.startsWith("attachment 404: outside --media"));
        assertThat(warnings(report)).anyMatch(w -> w.startsWith("attachment 405: 2024/10/oshirase.pdf: JPEG または PNG"));
        assertThat(run.err()).contains("2 photos");

        try (var app = TestKiji.start(Config.defaults(data()), cli.database(), MutableClock.at("2024-11-01T00:00:00Z"))) {
            var hanabi = byTitle(app, "花火大会に8万人");
            long photo = hanabi.featuredPhotoId().orElseThrow();
            var shown = app.kiji.articles.find(hanabi.id()).orElseThrow().bodyHtml();
            var body = Jsoup.parseBodyFragment(shown);
            var img = body.selectFirst("img");
            // WordPress's 300-pixel size becomes the smallest variant at least that wide
            assertThat(img.attr("src")).isEqualTo("/media/" + photo + "/480.jpg");
            assertThat(img.attr("srcset")).isEqualTo("/media/%d/480.jpg 480w, /media/%d/960.jpg 960w, /media/%d/1200.jpg 1200w"
                    .formatted(photo, photo, photo));
            assertThat(body.selectFirst("figure a").attr("href")).isEqualTo("/media/" + photo + "/1200.jpg");
            // another site's uploads are not the old site's
            assertThat(shown).contains("https://other-site.example/wp-content/uploads/2024/10/hanabi.jpg")
                    .doesNotContain("kiji-times.example/wp-content");

            var page = Jsoup.parse(app.get(app.kiji.permalinks.of(hanabi)).body());
            assertThat(page.selectFirst("article figure.article-photo > img").attr("src"))
                    .isEqualTo("/media/" + photo + "/960.jpg");
            assertThat(page.select("figure.article-photo > figcaption").text()).isEqualTo("夜空に上がる花火（5日）");
            assertThat(page.selectFirst("meta[property=og:image]").attr("content")).endsWith("/media/" + photo + "/1200.jpg");
            var served = app.get(page.selectFirst(".article-body img").attr("src"));
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).contains("image/jpeg");

            var kisei = byTitle(app, "花火大会の交通規制");
            assertThat(kisei.featuredPhotoId()).isEmpty(); // its file was missing
            var map = Jsoup.parseBodyFragment(kisei.bodyHtml()).selectFirst("img").attr("src");
            assertThat(map).matches("/media/[0-9]+/600\\.png"); // no size asked: the largest up to 960
            assertThat(app.get(map).statusCode()).isEqualTo(200);
            assertThat(app.kiji.newsroom.photos.find(Long.parseLong(map.split("/")[2])).orElseThrow().caption())
                    .isEqualTo("交通規制の範囲を示す地図"); // no caption: the alternative text
            // an attachment's WordPress id is no article's: /?p=401 goes to its photo, never to the
            // article whose id the photo's happens to be
            var attachment = app.get("/?p=401");
            assertThat(attachment.statusCode()).isEqualTo(301);
            var file = attachment.headers().firstValue("Location").orElseThrow();
            assertThat(file).matches("/media/[0-9]+/[0-9]+\\.(jpg|png)");
            assertThat(app.get(file).statusCode()).isEqualTo(200);
            assertThat(app.get("/?attachment_id=401").headers().firstValue("Location")).contains(file);
            assertThat(app.get("/?attachment_id=402").statusCode()).isEqualTo(301);
            assertThat(app.get("/?attachment_id=403").statusCode()).as("its file was missing: no photo").isEqualTo(200);
            assertThat(app.get("/?attachment_id=abc").statusCode()).isEqualTo(200);
            assertThat(app.get("/?p=301").statusCode()).isEqualTo(301);
            // a fixed page's body too
            assertThat(app.get("/access/").body()).contains("src=\"" + map + "\"");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_second_import_reports_the_same_and_neither_duplicates_nor_reprocesses_a_photo(Engine engine) throws Exception {
        var cli = new Cli(engine, data());
        var first = cli.kiji("import", "wordpress", fixture(), "--media", uploads().toString(), "--json");
        var before = mediaRows(cli);
        var files = mediaFiles();
        var stamps = modified(files);
        var second = cli.kiji("import", "wordpress", fixture(), "--media", uploads().toString(), "--json");
        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(mediaRows(cli)).isEqualTo(before).hasSize(2);
        assertThat(mediaFiles()).isEqualTo(files);
        assertThat(modified(files)).isEqualTo(stamps); // not written again

        // without --media the photos made before still stand in the bodies and as featured photos
        var third = cli.kiji("import", "wordpress", fixture(), "--json");
        assertThat(JSON.readTree(third.out()).get("photos").asInt()).isZero();
        try (var db = cli.database()) {
            var hanabi = articles(db).stream().filter(a -> a.title().equals("花火大会に8万人")).findFirst().orElseThrow();
            assertThat(hanabi.featuredPhotoId()).isPresent();
            assertThat(hanabi.bodyHtml()).contains("src=\"/media/" + hanabi.featuredPhotoId().get() + "/480.jpg\"");
        }

        // a caption changed in the export follows; the photo is the same
        var recaptioned = dir.resolve("recaptioned.xml");
        Files.writeString(recaptioned, Files.readString(Path.of(fixture())).replace("夜空に上がる<em>花火</em>（5日）", "打ち上げ花火（5日夜）"));
        assertThat(cli.kiji("import", "wordpress", recaptioned.toString(), "--media", uploads().toString()).code()).isZero();
        assertThat(mediaRows(cli)).isEqualTo(before);
        try (var db = cli.database()) {
            List<String> captions = db.jdbi().withHandle(h -> h.createQuery("SELECT caption FROM media ORDER BY id")
                    .mapTo(String.class).list());
            assertThat(captions).contains("打ち上げ花火（5日夜）").doesNotContain("夜空に上がる花火（5日）");
        }

        // a changed file is a new photo; the old one stays in the library
        writeJpeg(uploads().resolve("2024/10/hanabi-scaled.jpg"), 1000, 500, Color.RED);
        var changed = cli.kiji("import", "wordpress", fixture(), "--media", uploads().toString(), "--json");
        assertThat(changed.out()).isEqualTo(first.out());
        assertThat(mediaRows(cli)).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_dry_run_reports_the_photos_and_warnings_and_writes_no_file(Engine engine) throws Exception {
        var cli = new Cli(engine, data());
        var dry = cli.kiji("import", "wordpress", fixture(), "--media", uploads().toString(), "--dry-run", "--json");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(mediaFiles()).isEmpty();
        assertThat(mediaRows(cli)).isEmpty();
        var real = cli.kiji("import", "wordpress", fixture(), "--media", uploads().toString(), "--json");
        assertThat(real.out()).isEqualTo(dry.out());
        assertThat(mediaFiles()).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_file_broken_after_its_photos_leaves_neither_photo_rows_nor_files(Engine engine) throws Exception {
        var cli = new Cli(engine, data());
        var text = Files.readString(Path.of(fixture()));
        // cut after the second attachment (hanabi.jpg, processed before the break is met)
        int cut = text.indexOf("</item>", text.indexOf("<wp:post_id>401</wp:post_id>")) + "</item>".length();
        var broken = dir.resolve("broken.xml");
        Files.writeString(broken, text.substring(0, cut) + "\n<item><title>壊れた</channel></rss>\n");
        var run = cli.kiji("import", "wordpress", broken.toString(), "--media", uploads().toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("nothing was imported");
        assertThat(mediaRows(cli)).isEmpty();
        assertThat(mediaFiles()).isEmpty();
        try (var db = cli.database()) {
            assertThat(new ArticleStore(db.jdbi(), db.dialect()).isEmpty()).isTrue();
        }
    }

    @org.junit.jupiter.api.Test
    void photos_go_to_the_s3_media_store_and_a_failed_import_leaves_no_object_there() throws Exception {
        var bucket = TestS3.freshBucket();
        var s3 = List.of("--media-url", "s3://" + bucket + "/kiji", "--s3-endpoint", TestS3.endpoint().toString());
        var cli = new Cli(Engine.SQLITE, data());
        var text = Files.readString(Path.of(fixture()));
        int cut = text.indexOf("</item>", text.indexOf("<wp:post_id>401</wp:post_id>")) + "</item>".length();
        var broken = dir.resolve("broken.xml");
        Files.writeString(broken, text.substring(0, cut) + "\n<item><title>壊れた</channel></rss>\n");
        assertThat(cli.kiji(withAll(List.of("import", "wordpress", broken.toString(), "--media", uploads().toString()), s3))
                .code()).isEqualTo(2);
        assertThat(objects(bucket)).isEmpty();

        var run = cli.kiji(withAll(List.of("import", "wordpress", fixture(), "--media", uploads().toString(), "--json"), s3));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("photos").asInt()).isEqualTo(2);
        assertThat(objects(bucket)).hasSize(5); // 480+600 of the PNG, 480+960+1200 of the JPEG
        assertThat(data().resolve("media")).doesNotExist();
        var config = Config.defaults(data()).withMedia(TestS3.media(bucket, "kiji"));
        try (var app = TestKiji.start(config, cli.database(), MutableClock.at("2024-11-01T00:00:00Z"))) {
            var hanabi = byTitle(app, "花火大会に8万人");
            var src = Jsoup.parseBodyFragment(hanabi.bodyHtml()).selectFirst("img").attr("src");
            assertThat(src).isEqualTo("/media/" + hanabi.featuredPhotoId().orElseThrow() + "/480.jpg");
            assertThat(app.get(src).statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void media_that_is_not_a_folder_exits_2(Engine engine) {
        var run = new Cli(engine, data()).kiji("import", "wordpress", fixture(), "--media", dir.resolve("none").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--media: not a folder");
    }

    private static String[] withAll(List<String> args, List<String> more) {
        var all = new ArrayList<>(args);
        all.addAll(more);
        return all.toArray(String[]::new);
    }

    private static List<String> objects(String bucket) {
        var keys = new ArrayList<String>();
        try (var store = S3MediaStore.open(TestS3.media(bucket, "kiji").s3().orElseThrow())) {
            store.forEachKey(keys::add);
        }
        return keys;
    }

    private Path data() {
        return dir.resolve("data");
    }

    /** The old site's wp-content/uploads: tiny photos drawn here, a PDF, and a photo outside the folder. */
    private Path uploads() throws IOException {
        var uploads = dir.resolve("old/wp-content/uploads");
        if (Files.isDirectory(uploads)) return uploads;
        var month = Files.createDirectories(uploads.resolve("2024/10"));
        writeJpeg(month.resolve("hanabi-scaled.jpg"), 1200, 800, new Color(20, 30, 90));
        var png = new BufferedImage(600, 400, BufferedImage.TYPE_INT_ARGB);
        var g = png.createGraphics();
        g.setColor(new Color(240, 200, 0, 200));
        g.fillRect(100, 100, 400, 200);
        g.dispose();
        ImageIO.write(png, "png", month.resolve("chizu.png").toFile());
        Files.writeString(month.resolve("oshirase.pdf"), "%PDF-1.4\n% 大会のお知らせ\n", StandardCharsets.UTF_8);
        writeJpeg(dir.resolve("old/wp-content/secret.jpg"), 100, 100, Color.BLACK);
        return uploads;
    }

    private static void writeJpeg(Path file, int width, int height, Color color) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 3, height / 4, width / 3, height / 2);
        g.dispose();
        ImageIO.write(image, "jpg", file.toFile());
    }

    private List<String> mediaFiles() throws IOException {
        var root = data().resolve("media");
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private List<Long> modified(List<String> files) throws IOException {
        var out = new ArrayList<Long>();
        for (var f : files) out.add(Files.getLastModifiedTime(data().resolve("media").resolve(f)).toMillis());
        return out;
    }

    private static List<String> mediaRows(Cli cli) {
        try (var db = cli.database()) {
            return db.jdbi().withHandle(h -> h.createQuery("SELECT id, variants, created_at FROM media ORDER BY id")
                    .map((rs, ctx) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3)).list());
        }
    }

    private static List<Article> articles(Database db) {
        return new ArticleStore(db.jdbi(), db.dialect())
                .list(ArticleFilter.all(), new PageRequest(1, 50), Optional.empty()).items();
    }

    private static Article byTitle(TestKiji app, String title) {
        return app.kiji.articles.list(ArticleFilter.all(), new PageRequest(1, 50), Optional.empty()).items().stream()
                .filter(a -> a.title().equals(title)).findFirst().orElseThrow();
    }

    private static List<String> warnings(JsonNode report) {
        var out = new ArrayList<String>();
        report.get("warnings").forEach(w -> out.add(w.asText()));
        return out;
    }

    private static String fixture() {
        return Cli.fixture("wordpress-media.xml").toString();
    }
}
