package kiji.ranking;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.site.Precompressed;

/** The ranking's JSON handlers: they parse, call one service, and answer. */
final class RankingApi {
    private static final int MAX_ANSWERS = 512;
    static final Duration MAX_SERIES = Duration.ofDays(400);

    private final Beacon beacon;
    private final RankingCache cache;
    private final ViewImport importer;
    private final HourBucketStore store;
    private final ArticleStore articles;
    private final CategoryStore categories;
    private final ObjectMapper json;
    private final Clock clock;
    private final Runnable refresh;
    private final Map<RankingQuery, Answer> answers = new ConcurrentHashMap<>();

    /**
     * A result as served; {@code result} is compared by identity with what the cache holds.
     * {@code compressed} holds its brotli and gzip copies, made once rather than per request.
     */
    record Answer(RankingResult result, byte[] body, String etag, Precompressed compressed) {
        /** Whether {@code ifNoneMatch} names this answer (weak comparison, as for any GET). */
        boolean matches(String ifNoneMatch) {
            return ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals(etag.substring(2)));
        }
    }

    RankingApi(Beacon beacon, RankingCache cache, ViewImport importer, HourBucketStore store,
               ArticleStore articles, CategoryStore categories, ObjectMapper json, Clock clock, Runnable refresh) {
        this.beacon = beacon;
        this.categories = categories;
        this.cache = cache;
        this.importer = importer;
        this.store = store;
        this.articles = articles;
        this.json = json;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** {@code POST /api/views {"articleId": N}}: 204 whether counted or not (a reader learns nothing). */
    void beacon(Context ctx, Reader reader) throws IOException {
        var answer = beacon.answer(ctx.bodyInputStream().readNBytes(Beacon.MAX_BODY_BYTES + 1), reader);
        switch (answer) {
            case NO_CONTENT -> ctx.header("Cache-Control", "no-store").status(204);
            case UNKNOWN_ARTICLE -> throw new NotFoundResponse(answer.message);
            default -> throw new BadRequestResponse(answer.message);
        }
    }

    /** {@code GET /api/ranking?window=&limit=&category=&at=}; {@link RankingApiLane} answers the same. */
    void ranking(Context ctx) throws IOException {
        var answer = answer(RankingParams.parse(ctx));
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.header("ETag", answer.etag());
        ctx.header("Vary", "Accept-Encoding");
        ctx.contentType("application/json");
        if (answer.matches(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        answer.compressed().result(ctx);
    }

    static final String CACHE_CONTROL = "public, max-age=" + RankingParams.MAX_AGE_SECONDS;

    /**
     * The answer to {@code q} from the ranking cache.
     *
     * @throws NotFoundResponse for a category the site does not have (as {@code /category/SLUG} is a
     *     404); asked only when the ranking came out empty, so a full one costs no lookup
     */
    Answer answer(RankingQuery q) throws IOException {
        var result = cache.get(q);
        if (result.items().isEmpty() && q.category().filter(slug -> categories.findBySlug(slug).isEmpty()).isPresent()) {
            throw new NotFoundResponse("no such category: " + q.category().get());
        }
        return answerFor(q, result);
    }

    /**
     * The JSON and ETag of a cached result, serialized once per result rather than per request:
     * two Jackson passes and a SHA-256 on every call were a third of this handler's CPU under wrk.
     */
    private Answer answerFor(RankingQuery q, RankingResult result) throws IOException {
        var known = answers.get(q);
        if (known != null && known.result() == result) return known;
        if (answers.size() >= MAX_ANSWERS) answers.clear();
        var fresh = render(result);
        answers.put(q, fresh);
        return fresh;
    }

    private Answer render(RankingResult result) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("window", result.window().key());
        body.put("at", result.at().toString());
        body.put("from", result.from().toString());
        body.put("to", result.to().toString());
        var items = new ArrayList<Map<String, Object>>();
        for (var i : result.items()) {
            var item = new LinkedHashMap<String, Object>();
            item.put("rank", i.rank());
            item.put("articleId", i.articleId());
            item.put("title", i.title());
            item.put("url", i.url());
            item.put("publishedAt", i.publishedAt().toString());
            item.put("views", i.views());
            items.add(item);
        }
        body.put("items", items);
        // weak: "at" moves with every recomputation, the ranking itself is what the tag names
        var etag = "W/\"" + digest(json.writeValueAsBytes(List.of(body.get("window"), body.get("from"), items))) + "\"";
        var bytes = json.writeValueAsBytes(body);
        return new Answer(result, bytes, etag, new Precompressed(bytes));
    }

    private static String digest(byte[] bytes) {
        try {
            var hash = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            return java.util.HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /api/admin/articles/{id}/views?from=&to=}: every hour of the range, zeros included. */
    void series(Context ctx) {
        long id = kiji.article.RequestParams.pathId(ctx);
        if (!articles.exists(id)) throw new NotFoundResponse("no such article");
        var to = RankingParams.instant(ctx, "to").orElse(clock.instant());
        var from = RankingParams.instant(ctx, "from").orElse(to.minus(Duration.ofDays(7)));
        if (!from.isBefore(to)) throw new BadRequestResponse("from must be before to");
        if (Duration.between(from, to).compareTo(MAX_SERIES) > 0) {
            throw new BadRequestResponse("at most 400 days per request");
        }
        var range = new HourRange(HourBucket.of(from).epochHour(), HourBucket.of(to.minusMillis(1)).epochHour() + 1);
        var views = store.series(id, range);
        var hours = new ArrayList<Map<String, Object>>();
        for (long h = range.fromHour(); h < range.toHour(); h++) {
            hours.add(Map.of("hour", new HourBucket(h).start().toString(), "views", views.getOrDefault(h, 0L)));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("articleId", id);
        body.put("from", range.from().toString());
        body.put("to", range.to().toString());
        body.put("total", views.values().stream().mapToLong(Long::longValue).sum());
        body.put("hours", hours);
        ctx.json(body);
    }

    /** {@code POST /api/admin/views/import} (JSON Lines): spooled to a file so the heap stays small. */
    void importViews(Context ctx) {
        java.nio.file.Path file = null;
        try {
            file = Files.createTempFile("kiji-import-", ".jsonl");
            Files.copy(ctx.bodyInputStream(), file, StandardCopyOption.REPLACE_EXISTING);
            var summary = importer.run(file, bytes -> {});
            refresh.run();
            ctx.json(Map.of("lines", summary.lines(), "counted", summary.counted(), "bots", summary.bots(),
                    "repeats", summary.repeats()));
        } catch (ViewImport.RejectedException e) {
            var errors = e.errors().stream().map(l -> Map.of("line", l.line(), "reason", l.reason())).toList();
            ctx.status(400).json(Map.of("error", e.getMessage(), "invalidLines", e.total(), "errors", errors));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) file.toFile().delete();
        }
    }
}
