package kiji.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import kiji.testing.TestS3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A media setting Kiji cannot use stops {@code kiji serve} at once, with one line naming it. */
class MediaStartupTest {
    @TempDir
    Path dir;

    @Test
    void a_kiji_media_url_that_is_not_s3_exits_2_naming_the_option() throws Exception {
        var exit = KijiProcessTest.run(Map.of("KIJI_MEDIA_URL", "https://media.example.jp/kiji", "KIJI_PORT", "0",
                "KIJI_DATA", dir.toString()), "serve");
        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.err().strip()).doesNotContain("\n")
                .startsWith("kiji: --media-url: ").contains("s3://BUCKET/PREFIX").contains("https://media.example.jp/kiji");
    }

    @Test
    void an_s3_endpoint_that_is_not_an_http_url_exits_2_naming_that_option() {
        var run = KijiCommandTest.kiji("serve", "--media-url", "s3://kiji-endpoint-test", "--s3-endpoint", "minio:9000",
                "--data", dir.toString(), "--port", "0");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("kiji: --s3-endpoint: ").contains("minio:9000");
    }

    @Test
    void a_media_public_url_with_a_query_exits_2_naming_that_option() {
        var run = KijiCommandTest.kiji("serve", "--media-public-url", "https://cdn.example/kiji?v=1",
                "--data", dir.toString(), "--port", "0");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("kiji: --media-public-url: ").contains("https://cdn.example/kiji?v=1");
    }

    @Test
    void a_bucket_that_does_not_exist_stops_startup_with_exit_1_and_its_name() throws Exception {
        var env = new HashMap<>(TestS3.environment());
        env.putAll(Map.of("KIJI_MEDIA_URL", "s3://kiji-no-such-bucket/photos", "KIJI_PORT", "0", "KIJI_DATA", dir.toString()));
        var exit = KijiProcessTest.run(env, "serve");
        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.err().strip()).doesNotContain("\n")
                .startsWith("kiji: cannot start: cannot use the media bucket s3://kiji-no-such-bucket/photos: 404");
    }
}
