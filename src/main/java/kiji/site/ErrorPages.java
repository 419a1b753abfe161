package kiji.site;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Error pages in the site's frame, for readers; API errors are JSON (see kiji.app.WebServer).
 * A part of the site with its own frame (the newsroom under {@code /newsroom}) registers a
 * {@link Renderer} for its path prefix, so its 404s and 405s keep its menu and language.
 */
public final class ErrorPages {
    /** Draws an error page in a section's own frame. */
    @FunctionalInterface
    public interface Renderer {
        void render(Context ctx, int status, String message);
    }

    /** Where an old URL (a path of the site Kiji replaced) lives now: consulted before a 404. */
    @FunctionalInterface
    public interface OldUrls {
        Optional<String> target(String path);

        static OldUrls none() {
            return path -> Optional.empty();
        }
    }

    private final Frame frame;
    private final Map<String, Renderer> sections;
    private final OldUrls oldUrls;

    public ErrorPages(Frame frame) {
        this(frame, Map.of(), OldUrls.none());
    }

    private ErrorPages(Frame frame, Map<String, Renderer> sections, OldUrls oldUrls) {
        this.frame = frame;
        this.sections = sections;
        this.oldUrls = oldUrls;
    }

    /**
     * These error pages, answering a reader's 404 with a 301 when {@code oldUrls} knows where the
     * path went. Only what would be a 404 is asked, so an old URL never hides a live page.
     */
    public ErrorPages withOldUrls(OldUrls urls) {
        return new ErrorPages(frame, sections, urls);
    }

    /** These error pages, with paths equal to {@code prefix} or under {@code prefix/} drawn by {@code renderer}. */
    public ErrorPages withSection(String prefix, Renderer renderer) {
        var copy = new LinkedHashMap<>(sections);
        copy.put(prefix, renderer);
        return new ErrorPages(frame, Map.copyOf(copy), oldUrls);
    }

    /** Renders the error page; {@code message} is shown when it is one of Kiji's Japanese explanations. */
    public void render(Context ctx, int status, String message) {
        var path = ctx.path();
        for (var section : sections.entrySet()) {
            if (path.equals(section.getKey()) || path.startsWith(section.getKey() + "/")) {
                section.getValue().render(ctx, status, message);
                return;
            }
        }
        if (status == 404 && (ctx.method() == io.javalin.http.HandlerType.GET || ctx.method() == io.javalin.http.HandlerType.HEAD)) {
            var target = oldUrls.target(path);
            if (target.isPresent()) {
                ctx.status(301).header("Location", target.get()).result("");
                return;
            }
        }
        ctx.status(status);
        var title = title(status);
        var text = japanese(message) ? message : title;
        ctx.header("Cache-Control", "no-store");
        ctx.render("site/error.jte", Map.of(
                "page", frame.page(title, Optional.empty(), Optional.empty(), List.of()),
                "status", status,
                "message", text));
    }

    /** The page's heading for a status, in Japanese. */
    public static String title(int status) {
        return switch (status) {
            case 404 -> "ページが見つかりません";
            case 400 -> "リクエストが正しくありません";
            case 405 -> "このページではその操作はできません";
            case 503 -> "一時的にご利用いただけません";
            default -> status >= 500 ? "サーバーでエラーが発生しました" : "リクエストを処理できません";
        };
    }

    /**
     * Our handlers explain in Japanese; Javalin's and Jetty's own messages are English
     * ("Endpoint GET /x not found") and say nothing a reader can use, so those get the title.
     */
    public static boolean japanese(String message) {
        return message != null && !message.isBlank() && !message.chars().allMatch(c -> c < 128);
    }
}
