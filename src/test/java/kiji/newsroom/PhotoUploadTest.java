package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photo uploads over real HTTP: checked by content, stripped of EXIF, resized, cached for long. */
class PhotoUploadTest {
    @TempDir
    Path dir;

    TestKiji app;
    NewsroomClient editor;

    @BeforeEach
    void start() {
        app = TestKiji.start(dir, MutableClock.at("2024-10-21T01:00:00Z"));
        app.kiji.newsroom.users.add("sato", "佐藤", Role.EDITOR, "編集者のパスワード1");
        editor = NewsroomClient.signedIn(app, "sato", "編集者のパスワード1");
        editor.get("/newsroom/media");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void a_jpeg_is_stripped_of_its_exif_location_resized_and_served_with_long_cache_headers() throws IOException {
        var upload = upload("photo.jpg", withExif(jpeg(2000, 1000)), "防衛装備展の会場", "防衛省", true);
        assertThat(upload.statusCode()).isEqualTo(303);
        var photo = app.kiji.newsroom.photos.recent(1).get(0);
        assertThat(photo.variants()).containsExactly(480, 960, 1600);
        assertThat(photo.markdown()).contains("![防衛装備展の会場](/media/" + photo.id() + "/960.jpg)").contains("（写真:防衛省）");
        for (int w : photo.variants()) {
            HttpResponse<byte[]> response;
            try {
                response = kiji.testing.TestKiji.http11().send(
                        HttpRequest.newBuilder(URI.create(app.url(photo.url(w)))).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
            var body = new String(response.body(), StandardCharsets.ISO_8859_1);
            assertThat(body).doesNotContain("Exif").doesNotContain("GPSLatitude");
            assertThat(ImageIO.read(new ByteArrayInputStream(response.body())).getWidth()).isEqualTo(w);
        }
        assertThat(editor.get("/newsroom/media?uploaded=" + photo.id()).body()).contains("srcset=\"/media/" + photo.id() + "/480.jpg 480w");
    }

    @Test
    void a_text_file_renamed_jpg_is_refused_by_its_content() {
        var response = upload("photo.jpg", "これは画像ではありません".getBytes(StandardCharsets.UTF_8), "", "", true);
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("ファイルの中身が画像ではありません");
        assertThat(app.kiji.newsroom.photos.recent(10)).isEmpty();
    }

    @Test
    void an_oversized_file_is_refused_with_the_limit() {
        var big = new byte[PhotoProcessor.MAX_BYTES + 1024];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        var response = upload("big.jpg", big, "", "", true);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("10MBまで");
    }

    @Test
    void a_decompression_bomb_is_refused_before_it_is_decoded() {
        var response = upload("bomb.png", pngHeaderOnly(30_000, 30_000), "", "", true);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("画素数が大きすぎます");
        assertThat(app.kiji.newsroom.photos.recent(10)).isEmpty();
    }

    @Test
    void an_upload_without_the_csrf_token_is_refused() throws IOException {
        assertThat(upload("photo.jpg", jpeg(100, 100), "", "", false).statusCode()).isEqualTo(403);
        assertThat(app.kiji.newsroom.photos.recent(10)).isEmpty();
    }

    @Test
    void media_paths_that_name_no_stored_file_answer_404() {
        assertThat(app.get("/media/1/960.jpg").statusCode()).isEqualTo(404);
        assertThat(app.get("/media/abc/960.jpg").statusCode()).isEqualTo(404);
        assertThat(app.get("/media/1/..%2F..%2Fkiji.db").statusCode()).isEqualTo(404);
        assertThat(app.get("/media/1/960.gif").statusCode()).isEqualTo(404);
    }

    @Test
    void a_new_photo_never_serves_files_left_under_its_number_by_a_killed_import() throws IOException {
        // an import killed after storing a photo's files: its row was never committed, and SQLite
        // gives the next photo the same number
        var stray = dir.resolve("media/1/1600.png");
        Files.createDirectories(stray.getParent());
        Files.write(stray, new byte[] {1, 2, 3});
        assertThat(upload("photo.jpg", jpeg(1000, 700), "", "", true).statusCode()).isEqualTo(303);
        assertThat(app.kiji.newsroom.photos.recent(1).get(0).id()).isEqualTo(1);
        assertThat(app.get("/media/1/480.jpg").statusCode()).isEqualTo(200);
        assertThat(app.get("/media/1/1600.png").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> upload(String filename, byte[] content, String caption, String credit, boolean csrf) {
        var boundary = "kiji" + System.nanoTime();
        var out = new ByteArrayOutputStream();
        if (csrf) field(out, boundary, "_csrf", editor.csrf);
        field(out, boundary, "caption", caption);
        field(out, boundary, "credit", credit);
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + boundary + "--\r\n");
        return editor.send(HttpRequest.newBuilder(URI.create(app.url("/newsroom/media")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    private static void field(ByteArrayOutputStream out, String boundary, String name, String value) {
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] jpeg(int w, int h) throws IOException {
        var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(11, 61, 110));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** Puts an APP1 Exif segment carrying a GPS tag name right after the JPEG's SOI marker. */
    static byte[] withExif(byte[] jpeg) {
        var payload = "Exif\0\0MM\0*GPSLatitude 35.6895N GPSLongitude 139.6917E".getBytes(StandardCharsets.ISO_8859_1);
        var segment = ByteBuffer.allocate(4 + payload.length).put((byte) 0xFF).put((byte) 0xE1)
                .putShort((short) (payload.length + 2)).put(payload).array();
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(segment);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A tiny PNG whose header claims huge dimensions: decoding it would need gigabytes. */
    static byte[] pngHeaderOnly(int w, int h) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        var deflater = new Deflater();
        deflater.setInput(new byte[64 * 1024]);
        deflater.finish();
        var buf = new byte[4096];
        int n = deflater.deflate(buf);
        chunk(out, "IDAT", Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        var typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
