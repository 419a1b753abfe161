package kiji.newsroom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import kiji.testing.TestKiji;

/** Photos uploaded the way an editor does it: signed in, through the newsroom's form, over HTTP. */
public final class PhotoUploads {
    private final TestKiji app;
    private final NewsroomClient editor;

    private PhotoUploads(TestKiji app, NewsroomClient editor) {
        this.app = app;
        this.editor = editor;
    }

    /** An editor {@code username} (added when missing) signed in to {@code app}. */
    public static PhotoUploads as(TestKiji app, String username) {
        if (app.kiji.newsroom.users.find(username).isEmpty()) {
            app.kiji.newsroom.users.add(username, "編集者", Role.EDITOR, "編集者のパスワード1");
        }
        var editor = NewsroomClient.signedIn(app, username, "編集者のパスワード1");
        editor.get("/newsroom/media");
        return new PhotoUploads(app, editor);
    }

    /** Uploads a JPEG of the given size; returns the new photo, or fails the test. */
    public Photo jpeg(int width, int height, String caption) {
        try {
            var response = post(PhotoUploadTest.jpeg(width, height), caption);
            if (response != 303) throw new AssertionError("upload answered " + response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return editor.send(HttpRequest.newBuilder(URI.create(app.url("/newsroom/media")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build()).statusCode();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
