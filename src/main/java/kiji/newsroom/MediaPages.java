package kiji.newsroom;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** Photo upload in the newsroom, and serving the stored variants at {@code /media/{id}/{width}.{ext}}. */
final class MediaPages {
    private final Photos photos;
    private final AuditLog audit;

    MediaPages(Photos photos, AuditLog audit) {
        this.photos = photos;
        this.audit = audit;
    }

    void library(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        render(ctx, session, 200, Optional.empty(), Optional.empty());
    }

    void upload(Context ctx) {
        var session = NewsroomGuard.session(ctx);
        var file = ctx.uploadedFile("file");
        if (file == null) {
            render(ctx, session, 400, Optional.empty(), Optional.of("画像ファイルを選んでください。"));
            return;
        }
        byte[] bytes;
        try (var in = file.content()) {
            bytes = in.readNBytes(PhotoProcessor.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            var photo = photos.upload(bytes, ctx.formParam("caption"), ctx.formParam("credit"), session.user());
            audit.record(session.user(), "photo.upload", "photo:" + photo.id(),
                    photo.width() + "×" + photo.height() + " " + photo.caption());
            ctx.redirect("/newsroom/media?uploaded=" + photo.id(), HttpStatus.SEE_OTHER);
        } catch (PhotoProcessor.Refused e) {
            render(ctx, session, e.status, Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    /** Variants never change once written (a new upload gets a new id), so they are cached for a year. */
    void serve(Context ctx) {
        long id = NewsroomParams.id(ctx, "id");
        var name = ctx.pathParam("file");
        if (!name.matches("[0-9]{1,5}\\.(jpg|png)")) throw new io.javalin.http.NotFoundResponse("not found");
        var bytes = photos.file(id, name).orElseThrow(() -> new io.javalin.http.NotFoundResponse("not found"));
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType(name.endsWith(".png") ? "image/png" : "image/jpeg").result(bytes);
    }

    private void render(Context ctx, Session session, int status, Optional<String> notice, Optional<String> error) {
        var uploaded = NewsroomParams.query(ctx, "uploaded").flatMap(MediaPages::parse).flatMap(photos::find);
        var view = NewsroomView.of(session, "写真", "media");
        ctx.status(status).render("newsroom/media.jte", Map.of(
                "view", uploaded.isPresent() ? view.withNotice("写真をアップロードしました。本文に下の Markdown を貼り付けてください。") : view,
                "uploaded", uploaded, "photos", photos.recent(30), "error", error));
    }

    private static Optional<Long> parse(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
