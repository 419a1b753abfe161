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

    /** Renders the error page; {@code message} is shown when it is one of Kiji's Japanese explanations. */
    public void render(Context ctx, int status, String message) {
        ctx.status(status);
        var title = switch (status) {
            case 404 -> "ページが見つかりません";
            case 400 -> "リクエストが正しくありません";
            case 503 -> "一時的にご利用いただけません";
            default -> status >= 500 ? "サーバーでエラーが発生しました" : "リクエストを処理できません";
        };
        // Our handlers explain in Japanese; Javalin's and Jetty's own messages are English
        // ("Endpoint GET /x not found") and say nothing a reader can use, so those get the title.
        var text = message == null || message.isBlank() || message.chars().allMatch(c -> c < 128) ? title : message;
        ctx.header("Cache-Control", "no-store");
        ctx.render("site/error.jte", Map.of(
                "page", frame.page(title, Optional.empty(), Optional.empty(), List.of()),
                "status", status,
                "message", text));
    }
}
