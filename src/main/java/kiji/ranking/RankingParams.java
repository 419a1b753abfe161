package kiji.ranking;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import kiji.article.RequestParams;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Query parameters of the ranking API, each refused with a message naming it. */
final class RankingParams {
    static final int MAX_AGE_SECONDS = 5;

    private RankingParams() {}

    static RankingQuery parse(Context ctx) {
        return parse(ctx::queryParam);
    }

    /** The query from {@code param} (a query parameter's first value, or null), or 400. */
    static RankingQuery parse(UnaryOperator<String> param) {
        var window = optional(param, "window").map(w -> RankingWindow.parse(w)
                        .orElseThrow(() -> new BadRequestResponse("window must be one of 1h, 24h, 7d, 30d")))
                .orElse(RankingWindow.DAY);
        int limit = optional(param, "limit").map(l -> {
            try {
                int n = Integer.parseInt(l);
                if (n >= 1 && n <= RankingQuery.MAX_LIMIT) return n;
            } catch (NumberFormatException ignored) {
                // answered below
            }
            throw new BadRequestResponse("limit must be an integer 1.." + RankingQuery.MAX_LIMIT);
        }).orElse(RankingQuery.DEFAULT_LIMIT);
        var category = optional(param, "category");
        if (category.isPresent() && !category.get().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new BadRequestResponse("category must be a category slug");
        }
        return new RankingQuery(window, instant(param, "at"), category, limit);
    }

    static Optional<Instant> instant(Context ctx, String name) {
        return instant(ctx::queryParam, name);
    }

    private static Optional<Instant> instant(UnaryOperator<String> param, String name) {
        return optional(param, name).map(v -> parseInstant(v)
                .orElseThrow(() -> new BadRequestResponse(name + " must be an ISO-8601 instant, e.g. 2024-10-21T01:58:00Z")));
    }

    private static Optional<String> optional(UnaryOperator<String> param, String name) {
        return RequestParams.present(param.apply(name));
    }

    static Optional<Instant> parseInstant(String v) {
        try {
            return Optional.of(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
