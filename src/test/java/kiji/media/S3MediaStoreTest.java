package kiji.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Optional;
import kiji.testing.TestS3;
import org.junit.jupiter.api.Test;

/** {@link S3MediaStore} against a real S3 server (S3Proxy), as several nodes would share it. */
class S3MediaStoreTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static S3MediaStore store(String bucket, String prefix) {
        return S3MediaStore.open(TestS3.media(bucket, prefix).s3().orElseThrow());
    }

    @Test
    void a_stored_file_is_read_back_sized_and_listed_under_its_key() {
        var bucket = TestS3.freshBucket();
        try (var store = store(bucket, "site-a/photos")) {
            store.put("12/960.jpg", bytes("写真の中身"));
            store.put("12/480.jpg", bytes("小"));

            assertThat(store.get("12/960.jpg")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("写真の中身")));
            assertThat(store.size("12/960.jpg")).hasValue(bytes("写真の中身").length);
            var keys = new ArrayList<String>();
            store.forEachKey(keys::add);
            assertThat(keys).containsExactlyInAnyOrder("12/960.jpg", "12/480.jpg");
        }
    }

    @Test
    void another_node_on_the_same_bucket_reads_what_one_wrote_and_a_prefix_keeps_sites_apart() {
        var bucket = TestS3.freshBucket();
        try (var one = store(bucket, "kiji"); var two = store(bucket, "kiji/"); var other = store(bucket, "other")) {
            one.put("7/1600.png", bytes("png"));

            assertThat(two.get("7/1600.png")).isPresent();
            assertThat(two.size("7/1600.png")).hasValue(3);
            assertThat(other.get("7/1600.png")).isEmpty();
        }
    }

    @Test
    void deleting_a_photo_removes_its_files_and_not_those_of_a_photo_whose_id_starts_alike() {
        var bucket = TestS3.freshBucket();
        try (var store = store(bucket, "")) {
            store.put("12/480.jpg", bytes("a"));
            store.put("12/960.jpg", bytes("b"));
            store.put("120/480.jpg", bytes("c"));

            store.deleteAll("12");

            assertThat(store.get("12/480.jpg")).isEmpty();
            assertThat(store.size("12/960.jpg")).isEmpty();
            assertThat(store.get("120/480.jpg")).isPresent();
        }
    }

    @Test
    void a_missing_file_or_a_key_of_another_shape_is_absent_not_an_error() {
        try (var store = store(TestS3.freshBucket(), "p")) {
            assertThat(store.get("99/960.jpg")).isEmpty();
            assertThat(store.size("99/960.jpg")).isEmpty();
            assertThat(store.get("../secret.jpg")).isEmpty();
            assertThatThrownBy(() -> store.put("../x.jpg", bytes("x"))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_bucket_out_of_reach_makes_a_size_unknown_but_a_read_an_error_naming_the_bucket() {
        var location = MediaSettings.s3("s3://kiji-media/p", Optional.of("http://127.0.0.1:1"), Optional.empty());
        try (var store = new S3MediaStore(S3Clients.create(location), location)) {
            assertThat(store.size("5/960.jpg")).isEmpty();
            assertThatThrownBy(() -> store.get("5/960.jpg")).isInstanceOf(MediaStoreException.class)
                    .hasMessageContaining("s3://kiji-media/p");
        }
    }

    @Test
    void a_bucket_that_does_not_exist_stops_opening_with_its_name() {
        var location = MediaSettings.s3("s3://no-such-bucket/kiji", Optional.of(TestS3.endpoint().toString()), Optional.empty());
        assertThatThrownBy(() -> S3MediaStore.open(location))
                .isInstanceOf(MediaStoreException.class)
                .hasMessageContaining("s3://no-such-bucket/kiji")
                .hasMessageContaining("404");
    }
}
