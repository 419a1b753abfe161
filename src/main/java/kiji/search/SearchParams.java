package kiji.search;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** Reads a search from query parameters; anything malformed is a 400 naming the parameter. */
final class SearchParams {
    private SearchParams() {}

    static SearchRequest parse(Context ctx, int defaultSize) {
        var q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
        if (q.codePointCount(0, q.length()) > SearchRequest.MAX_QUERY) {
            throw new BadRequestResponse("検索語は" + SearchRequest.MAX_QUERY + "文字以内で入力してください (q: at most "
                    + SearchRequest.MAX_QUERY + " characters)");
        }
        var order = switch (text(ctx, "sort").orElse("relevance").toLowerCase(Locale.ROOT)) {
            case "relevance" -> SearchRequest.Order.RELEVANCE;
            case "date" -> SearchRequest.Order.DATE;
            default -> throw new BadRequestResponse("sort must be relevance or date");
        };
        int page = integer(ctx, "page", 1);
        int size = integer(ctx, "size", defaultSize);
        try {
            return new SearchRequest(q, text(ctx, "category"), date(ctx, "from"), date(ctx, "to"), order, page, size);
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse(e.getMessage());
        }
    }

    static Optional<String> text(Context ctx, String name) {
        var v = ctx.queryParam(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    private static Optional<LocalDate> date(Context ctx, String name) {
        try {
            return text(ctx, name).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(name + " must be a date like 2024-10-17");
        }
    }

    private static int integer(Context ctx, String name, int fallback) {
        var v = text(ctx, name);
        if (v.isEmpty()) return fallback;
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse(name + " must be a whole number");
        }
    }
}
