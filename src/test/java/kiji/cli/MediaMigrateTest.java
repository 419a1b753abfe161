package kiji.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import kiji.app.Config;
import kiji.media.S3MediaStore;
import kiji.newsroom.FileMediaStore;
import kiji.newsroom.PhotoUploads;
import kiji.storage.Database;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import kiji.testing.TestS3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiji media migrate --to s3://…}: a site's DATA/media copied to a bucket, resumable, then served from it. */
class MediaMigrateTest {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-10-21T01:00:00Z");

    @Test
    void a_library_is_copied_once_resumed_after_a_loss_and_then_served_from_the_bucket() throws Exception {
        long photoId;
        try (var app = TestKiji.start(dir, clock)) {
            var uploads = PhotoUploads.as(app, "sato");
            uploads.jpeg(1700, 900, "基地の航空祭");
            photoId = uploads.jpeg(500, 400, "小さな写真").id(); // 480 only
        }
        var files = new java.util.ArrayList<String>();
        new FileMediaStore(dir.resolve("media")).forEachKey(files::add);
        int n = files.size();
        long photoFiles = files.stream().filter(k -> k.startsWith(photoId + "/")).count();
        assertThat(n).isGreaterThan((int) photoFiles);
        var bucket = TestS3.freshBucket();
        var url = "s3://" + bucket + "/site";
        var endpoint = TestS3.endpoint().toString();

        var first = KijiCommandTest.kiji("media", "migrate", "--to", url, "--s3-endpoint", endpoint, "--data", dir.toString());
        assertThat(first.code()).as(first.err()).isEqualTo(0);
        assertThat(first.out()).contains(n + " files copied").contains("0 already in " + url);

        var again = KijiCommandTest.kiji("media", "migrate", "--to", url, "--s3-endpoint", endpoint, "--data", dir.toString());
        assertThat(again.out()).contains("0 files copied (0 bytes), " + n + " already in " + url);

        // a copy that stopped before the last photo: running it again copies only its files
        try (var s3 = S3MediaStore.open(TestS3.media(bucket, "site").s3().orElseThrow())) {
            s3.deleteAll(String.valueOf(photoId));
        }
        var resumed = KijiCommandTest.kiji("media", "migrate", "--to", url, "--s3-endpoint", endpoint, "--data", dir.toString());
        assertThat(resumed.out()).contains(photoFiles + " files copied").contains((n - photoFiles) + " already in");

        // the site on the bucket, with its local copy gone, serves the same bytes
        var local = new FileMediaStore(dir.resolve("media")).get(photoId + "/480.jpg").orElseThrow();
        new FileMediaStore(dir.resolve("media")).deleteAll(String.valueOf(photoId));
        try (var app = TestKiji.start(Config.defaults(dir).withMedia(TestS3.media(bucket, "site")), Database.sqlite(dir), clock)) {
            var response = kiji.testing.TestKiji.http11().send(
                    HttpRequest.newBuilder(URI.create(app.url("/media/" + photoId + "/480.jpg"))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(local);
        }
    }

    @Test
    void a_target_that_is_not_an_s3_url_exits_2_and_an_unknown_bucket_exits_1() {
        var bad = KijiCommandTest.kiji("media", "migrate", "--to", "/srv/media", "--data", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("kiji: --to: ").contains("s3://BUCKET/PREFIX");

        var missing = KijiCommandTest.kiji("media", "migrate", "--to", "s3://kiji-missing-bucket/x",
                "--s3-endpoint", TestS3.endpoint().toString(), "--data", dir.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("s3://kiji-missing-bucket/x").contains("404");
    }
}
