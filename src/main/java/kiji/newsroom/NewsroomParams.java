package kiji.newsroom;

import io.javalin.http.Context;
import java.util.Optional;
import kiji.article.PageRequest;

/** Reading query and path values the newsroom's way: bad input is a 400/404 page, never a 500. */
final class NewsroomParams {
    private NewsroomParams() {}

    static int page(Context ctx) {
        var raw = ctx.queryParam("page");
        if (raw == null || raw.isBlank()) return 1;
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= PageRequest.MAX_PAGE) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new NewsroomException(400, "ページ番号が正しくありません。");
    }

    static long id(Context ctx, String name) {
        try {
            long id = Long.parseLong(ctx.pathParam(name));
            if (id > 0) return id;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw NewsroomException.notFound();
    }

    static Optional<String> query(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    static String form(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }
}
