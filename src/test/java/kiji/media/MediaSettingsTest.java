package kiji.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaSettingsTest {
    @Test
    void no_media_url_keeps_photos_in_the_data_folder() {
        assertThat(MediaSettings.parse(Optional.empty(), Optional.of("http://127.0.0.1:9000"), Optional.empty()).s3()).isEmpty();
    }

    @Test
    void an_s3_url_names_the_bucket_and_the_prefix_without_its_slashes() {
        var s3 = MediaSettings.s3("s3://kiji-media/sites/bouei/", Optional.of("http://minio.local:9000"), Optional.of("ap-northeast-1"));
        assertThat(s3.bucket()).isEqualTo("kiji-media");
        assertThat(s3.prefix()).isEqualTo("sites/bouei");
        assertThat(s3.objectKey("12/960.jpg")).isEqualTo("sites/bouei/12/960.jpg");
        assertThat(s3.endpoint()).contains(URI.create("http://minio.local:9000"));
        assertThat(s3.region()).contains("ap-northeast-1");
        assertThat(MediaSettings.s3("s3://kiji-media", Optional.empty(), Optional.empty()).objectKey("1/480.png"))
                .isEqualTo("1/480.png");
    }

    @Test
    void a_url_that_is_not_s3_or_names_no_valid_bucket_is_refused_with_the_reason() {
        assertThatThrownBy(() -> MediaSettings.s3("https://kiji-media/x", Optional.empty(), Optional.empty()))
                .hasMessageContaining("s3://BUCKET/PREFIX");
        assertThatThrownBy(() -> MediaSettings.s3("s3://Kiji_Media/x", Optional.empty(), Optional.empty()))
                .hasMessageContaining("bucket");
        assertThatThrownBy(() -> MediaSettings.s3("s3://", Optional.empty(), Optional.empty())).hasMessageContaining("bucket");
        assertThatThrownBy(() -> MediaSettings.s3("s3://kiji-media/../x", Optional.empty(), Optional.empty()))
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> MediaSettings.s3("s3://kiji-media", Optional.of("minio:9000"), Optional.empty()))
                .hasMessageContaining("endpoint");
    }

    @Test
    void a_public_url_puts_the_object_key_of_a_file_after_it_for_a_bucket_and_for_the_data_folder() {
        var s3 = MediaSettings.parse(Optional.of("s3://kiji-media/sites/bouei"), Optional.empty(), Optional.empty())
                .withPublicUrl(Optional.of(" https://cdn.example/kiji/ "));
        assertThat(s3.publicUrl("12/960.jpg")).contains("https://cdn.example/kiji/sites/bouei/12/960.jpg");
        assertThat(MediaSettings.local().withPublicUrl(Optional.of("https://media.example")).publicUrl("12/960.jpg"))
                .contains("https://media.example/12/960.jpg");
        assertThat(MediaSettings.local().withPublicUrl(Optional.empty()).publicUrl("12/960.jpg")).isEmpty();
        assertThat(MediaSettings.local().withPublicUrl(Optional.of("  ")).publicUrl("12/960.jpg")).isEmpty();
    }

    @Test
    void a_public_url_that_is_not_plain_http_or_https_is_refused_with_the_reason() {
        for (var bad : new String[] {"cdn.example/kiji", "ftp://cdn.example", "https://cdn.example/kiji?x=1",
                "https://cdn.example/写真", "javascript:alert(1)", "https://"}) {
            assertThatThrownBy(() -> MediaSettings.local().withPublicUrl(Optional.of(bad))).as(bad)
                    .hasMessageContaining("media public URL");
        }
    }
}
