package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kiji.app.Config;
import kiji.article.Article;
import kiji.article.ArticleDraft;
import kiji.article.Status;
import kiji.media.MediaSettings;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import kiji.testing.TestS3;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code KIJI_MEDIA_PUBLIC_URL}: every photo URL Kiji renders points at the CDN's base followed by
 * the file's object key (the S3 key with its prefix, or the path under DATA/media), and Kiji
 * still serves the same bytes at {@code /media/}.
 */
class PhotosOnCdnTest {
    static final String CDN = "https://cdn.example/kiji-photos";

    enum Store { FILES, S3 }

    @TempDir
    Path dir;

    TestKiji app;

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void every_rendered_photo_url_is_the_cdn_base_and_the_store_key_of_the_file_kiji_serves(Store kind) throws Exception {
        var bucket = kind == Store.S3 ? TestS3.freshBucket() : "";
        var stored = kind == Store.S3 ? TestS3.media(bucket, "sites/bouei") : MediaSettings.local();
        var media = stored.withPublicUrl(Optional.of(CDN + "/"));
        app = TestKiji.start(Config.defaults(dir).withMedia(media), TestDatabases.open(Engine.SQLITE, dir),
                MutableClock.at("2024-10-21T01:58:00Z"));
        app.category("japan-defense", "日本の防衛", "mod");
        var user = app.kiji.newsroom.users.add("sato", "佐藤", Role.EDITOR, "編集者のパスワード1");
        var photos = app.kiji.newsroom.photos;
        var featured = photos.upload(PhotoUploadTest.jpeg(2000, 1000), "観艦式の護衛艦", "防衛省", user);
        var inBody = photos.upload(PhotoUploadTest.jpeg(1200, 800), "補給艦の出港", "", user);
        assertThat(inBody.markdown()).contains("](/media/" + inBody.id() + "/960.jpg)"); // the body keeps Kiji's path
        var article = article("観艦式を公開(10月21日)", "大臣は観艦式に臨んだ。\n\n" + inBody.markdown(), featured.id());

        var urls = new ArrayList<String>();
        var page = Jsoup.parse(app.get(app.kiji.permalinks.of(article)).body());
        var figure = page.selectFirst("article figure.article-photo > img");
        urls.add(figure.attr("src"));
        urls.addAll(srcset(figure.attr("srcset")));
        var body = page.selectFirst("img[alt=補給艦の出港]");
        urls.add(body.attr("src"));
        urls.addAll(srcset(body.attr("srcset")));
        urls.add(page.selectFirst("meta[property=og:image]").attr("content"));
        urls.add(page.selectFirst("meta[name=twitter:image]").attr("content"));
        for (var script : page.select("script[type=application/ld+json]")) {
            var image = new ObjectMapper().readTree(script.data()).path("image");
            if (image.has("url")) urls.add(image.path("url").asText());
        }
        var feed = Jsoup.parse(app.get("/feed.xml").body(), "", org.jsoup.parser.Parser.xmlParser());
        urls.add(feed.selectFirst("enclosure").attr("url"));
        var api = new ObjectMapper().readTree(app.get("/api/articles/" + article.id()).body());
        urls.add(api.path("featuredPhoto").path("url").asText());
        var editor = NewsroomClient.signedIn(app, "sato", "編集者のパスワード1");
        for (var img : Jsoup.parse(editor.get("/newsroom/media").body()).select("ul.nr-photos img")) urls.add(img.attr("src"));

        assertThat(urls).hasSizeGreaterThan(12).allSatisfy(url -> assertThat(url).startsWith(CDN + "/"));
        assertThat(urls).contains(CDN + "/" + objectKey(kind, featured.id() + "/960.jpg"),
                CDN + "/" + objectKey(kind, featured.id() + "/1600.jpg"),
                CDN + "/" + objectKey(kind, inBody.id() + "/960.jpg"),
                CDN + "/" + objectKey(kind, inBody.id() + "/480.jpg"));
        for (var url : urls.stream().distinct().toList()) {
            var key = url.substring(CDN.length() + 1);
            var mediaPath = "/media/" + (kind == Store.S3 ? key.substring("sites/bouei/".length()) : key);
            var served = bytes(mediaPath);
            assertThat(served.statusCode()).as(mediaPath).isEqualTo(200);
            assertThat(objectBytes(kind, bucket, key)).as(key).isEqualTo(served.body());
        }
    }

    private static String objectKey(Store kind, String key) {
        return kind == Store.S3 ? "sites/bouei/" + key : key;
    }

    /** The file under the key, read from the store itself (the bucket, or DATA/media). */
    private byte[] objectBytes(Store kind, String bucket, String key) throws IOException {
        if (kind == Store.FILES) return Files.readAllBytes(dir.resolve("media").resolve(key));
        try (var s3 = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(DefaultCredentialsProvider.builder().build()).region(Region.US_EAST_1)
                .endpointOverride(TestS3.endpoint()).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED).build()) {
            return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        }
    }

    private Article article(String title, String body, long photo) {
        return app.kiji.articleService.create(new ArticleDraft(Optional.empty(), title, "リードです。", body,
                "japan-defense", List.of("観艦式"), List.of("山田記者"), Status.PUBLISHED,
                Optional.of(app.kiji.clock.instant().minusSeconds(3600)), Optional.of(photo)));
    }

    private static List<String> srcset(String value) {
        return Arrays.stream(value.split(",")).map(c -> c.strip().split(" ")[0]).toList();
    }

    private HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return kiji.testing.TestKiji.http11().send(HttpRequest.newBuilder(URI.create(app.url(path))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
