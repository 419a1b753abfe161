package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import kiji.app.Config;
import kiji.storage.Database;
import kiji.storage.DatabaseSettings;
import kiji.testing.MutableClock;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;
import kiji.testing.TestKiji;
import kiji.testing.TestS3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two Kiji nodes on one database and one S3 bucket (S3Proxy), each with its own data folder: a
 * photo uploaded through one is served by the other, with the same headers as from DATA/media.
 */
class SharedMediaTest {
    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at("2024-10-21T01:00:00Z");
    TestKiji one;
    TestKiji two;

    @AfterEach
    void stop() {
        if (two != null) two.close();
        if (one != null) one.close();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void a_photo_uploaded_through_one_node_is_served_by_another_on_the_same_bucket(Engine engine) throws Exception {
        var database = engine == Engine.SQLITE
                ? DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("shared.db").toAbsolutePath())
                : TestDatabases.freshPostgres();
        var media = TestS3.media(TestS3.freshBucket(), "kiji");
        one = TestKiji.start(Config.defaults(dir.resolve("node-1")).withMedia(media), Database.open(database), clock);
        two = TestKiji.start(Config.defaults(dir.resolve("node-2")).withMedia(media), Database.open(database), clock);
        var uploaded = PhotoUploads.as(one, "sato").jpeg(1800, 1000, "護衛艦の入港");

        var photo = two.kiji.newsroom.photos.recent(1).get(0);
        assertThat(photo.id()).isEqualTo(uploaded.id());
        for (int width : photo.variants()) {
            var fromTwo = bytes(two, photo.url(width));
            assertThat(fromTwo.statusCode()).isEqualTo(200);
            assertThat(fromTwo.headers().firstValue("Content-Type")).contains("image/jpeg");
            assertThat(fromTwo.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
            assertThat(fromTwo.body()).isEqualTo(bytes(one, photo.url(width)).body());
        }
        // nothing went to either node's own folder
        assertThat(Files.exists(dir.resolve("node-1/media"))).isFalse();
        assertThat(Files.exists(dir.resolve("node-2/media"))).isFalse();
        assertThat(bytes(two, "/media/" + (photo.id() + 1) + "/960.jpg").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<byte[]> bytes(TestKiji app, String path) throws IOException, InterruptedException {
        return kiji.testing.TestKiji.http11().send(HttpRequest.newBuilder(URI.create(app.url(path))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
