package kiji.site;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Error pages in the site's frame, for readers; API errors are JSON (see kiji.app.WebServer). */
public final class ErrorPages {
    private final Frame frame;

    public ErrorPages(Frame frame) {
        this.frame = frame;
    }

    public void render(Context ctx, int status, String message) {
        ctx.status(status);
        var title = switch (status) {
            case 404 -> "ページが見つかりません";
            case 400 -> "リクエストが正しくありません";
            default -> status >= 500 ? "サーバーでエラーが発生しました" : "リクエストを処理できません";
        };
        var text = message == null || message.isBlank() || message.matches("[A-Za-z ]+") ? title : message;
        ctx.header("Cache-Control", "no-store");
        ctx.render("site/error.jte", Map.of(
                "page", frame.page(title, Optional.empty(), Optional.empty(), List.of()),
                "status", status,
                "message", text));
    }
}
