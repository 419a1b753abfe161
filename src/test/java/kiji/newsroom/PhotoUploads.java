package kiji.newsroom;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Function;
import javax.imageio.ImageIO;
import kiji.testing.TestKiji;

/** Photos uploaded the way an editor does it: signed in, through the newsroom's form, over HTTP. */
public final class PhotoUploads {
    private final TestKiji app;
    private final Function<String, URI> url;
    private final NewsroomClient editor;

    private PhotoUploads(TestKiji app, Function<String, URI> url, NewsroomClient editor) {
        this.app = app;
        this.url = url;
        this.editor = editor;
    }

    /** An editor {@code username} (added when missing) signed in to {@code app}. */
    public static PhotoUploads as(TestKiji app, String username) {
        return through(app, path -> URI.create(app.url(path)), username);
    }

    /**
     * The same editor signed in at {@code url(path)} (a balancer in front of {@code app} and other
     * nodes on its database), uploading there.
     */
    public static PhotoUploads through(TestKiji app, Function<String, URI> url, String username) {
        if (app.kiji.newsroom.users.find(username).isEmpty()) {
            app.kiji.newsroom.users.add(username, "編集者", Role.EDITOR, "編集者のパスワード1");
        }
        var editor = NewsroomClient.signedIn(url, username, "編集者のパスワード1");
        editor.get("/newsroom/media");
        return new PhotoUploads(app, url, editor);
    }

    /** Uploads a JPEG of the given size; returns the new photo, or fails the test. */
    public Photo jpeg(int width, int height, String caption) {
        try {
            return upload(PhotoUploadTest.jpeg(width, height), caption);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Uploads a JPEG heavier than a plain test image: noise does not compress, so at 1800×1200 it
     * is about 1.3 MB, over the 1 MB a proxy such as nginx accepts by default.
     */
    public Photo cameraJpeg(int width, int height, String caption) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) image.setRGB(x, y, random.nextInt(0x1000000));
        }
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpeg", out);
            if (out.size() <= 1024 * 1024) throw new AssertionError("only " + out.size() + " bytes");
            return upload(out.toByteArray(), caption);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Photo upload(byte[] jpeg, String caption) {
        var response = post(jpeg, caption);
        if (response != 303) throw new AssertionError("upload answered " + response);
        return app.kiji.newsroom.photos.recent(1).get(0);
    }

    private int post(byte[] jpeg, String caption) {
        var boundary = "kiji" + System.nanoTime();
        var out = new ByteArrayOutputStream();
        for (var field : new String[][] {{"_csrf", editor.csrf}, {"caption", caption}, {"credit", "Kiji 写真部"}}) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1] + "\r\n");
        }
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\""
                + "\r\nContent-Type: image/jpeg\r\n\r\n");
        out.writeBytes(jpeg);
        write(out, "\r\n--" + boundary + "--\r\n");
        return editor.send(HttpRequest.newBuilder(url.apply("/newsroom/media"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build()).statusCode();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
