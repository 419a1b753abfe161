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
}
