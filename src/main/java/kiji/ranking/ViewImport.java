package kiji.ranking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import kiji.article.ArticleStore;

/**
 * History import (JSON Lines): one line per view or group of views,
 * {@code {"articleId", "at", "visitor"?, "userAgent"?, "views"?}}. A first streaming pass
 * validates every line; only a clean file is applied, in a second pass inside one transaction,
 * so a bad file counts nothing. Memory stays constant in the file size: lines are read one at
 * a time and buckets are written in chunks.
 */
public final class ViewImport {
    static final int MAX_REPORTED_ERRORS = 1000;
    private final ArticleStore articles;
    private final HourBucketStore store;
    private final Supplier<BotFilter> bots;
    private final ObjectMapper json = new ObjectMapper();

    ViewImport(ArticleStore articles, HourBucketStore store, Supplier<BotFilter> bots) {
        this.articles = articles;
        this.store = store;
        this.bots = bots;
    }

    /** An importer writing to this database's buckets (the CLI's entry point). */
    public static ViewImport of(org.jdbi.v3.core.Jdbi jdbi, ArticleStore articles) {
        var bots = BotFilter.standard();
        return new ViewImport(articles, new HourBucketStore(jdbi), () -> bots);
    }

    /** The answer: lines read, views counted, views dropped as bots and as repeats. */
    public record Summary(long lines, long counted, long bots, long repeats) {}

    /** A line that cannot be imported. */
    public record LineError(long line, String reason) {}

    /**
     * The file has invalid lines; nothing was counted. {@code total} may exceed the listed
     * errors. Every history import refuses a file this way (also {@code kiji.importer.WppImport}).
     */
    public static final class RejectedException extends RuntimeException {
        private final List<LineError> errors;
        private final long total;

        /** @param errors the first lines found bad; {@code total} counts them all */
        public RejectedException(List<LineError> errors, long total) {
            super(total + " invalid line(s); nothing was imported");
            this.errors = List.copyOf(errors);
            this.total = total;
        }

        public List<LineError> errors() {
            return errors;
        }

        public long total() {
            return total;
        }
    }

    private record Line(long articleId, Instant at, String visitor, String userAgent, long views) {}

    /** Validates, then applies; {@code progress} receives bytes read so far in each pass. */
    public Summary run(Path file, LongConsumer progress) {
        validate(file, progress);
        return apply(file, progress);
    }

    void validate(Path file, LongConsumer progress) {
        var errors = new ArrayList<LineError>();
        long[] total = {0};
        Map<Long, Boolean> known = new HashMap<>();
        forEachLine(file, progress, (number, text) -> {
            try {
                var line = parse(text);
                if (!known.computeIfAbsent(line.articleId(), articles::exists)) {
                    throw new IllegalArgumentException("unknown article " + line.articleId());
                }
            } catch (IllegalArgumentException e) {
                total[0]++;
                if (errors.size() < MAX_REPORTED_ERRORS) errors.add(new LineError(number, e.getMessage()));
            }
        });
        if (total[0] > 0) throw new RejectedException(errors, total[0]);
    }

    private Summary apply(Path file, LongConsumer progress) {
        // Each import gets its own repeat memory and visitor key: imported visitors are ids from
        // another system and never meet live visitor hashes.
        var repeats = new RepeatGuard(2_000_000);
        var random = new java.security.SecureRandom();
        long k0 = random.nextLong();
        long k1 = random.nextLong();
        long[] n = new long[4];
        // the same way in as every history import: one transaction, staged, summed, generation bumped
        store.addHistory(sink -> forEachLine(file, progress, (number, text) -> {
            var line = parse(text);
            n[0]++;
            if (line.userAgent() != null && bots.get().isBot(line.userAgent())) {
                n[2] += line.views();
                return;
            }
            long counted = line.views();
            if (line.visitor() != null) {
                long v = VisitorId.nonZero(VisitorHash.hash(k0, k1, line.visitor(), ""));
                // several views of one visitor at one instant: the first counts, the rest repeat
                counted = repeats.tryCount(line.articleId(), v, 0, line.at().toEpochMilli()) ? 1 : 0;
                n[3] += line.views() - counted;
            }
            n[1] += counted;
            if (counted > 0) sink.add(line.articleId(), HourBucket.of(line.at()).epochHour(), counted);
        }));
        return new Summary(n[0], n[1], n[2], n[3]);
    }

    private Line parse(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
        if (node == null || !node.isObject()) throw new IllegalArgumentException("not a JSON object");
        var names = node.fieldNames();
        while (names.hasNext()) {
            var name = names.next();
            if (!List.of("articleId", "at", "visitor", "userAgent", "views").contains(name)) {
                throw new IllegalArgumentException("unknown field " + name);
            }
        }
        var id = node.get("articleId");
        if (id == null || !id.canConvertToLong() || !id.isIntegralNumber() || id.asLong() < 1) {
            throw new IllegalArgumentException("articleId must be a positive integer");
        }
        var at = node.get("at");
        Instant instant;
        try {
            if (at == null || !at.isTextual()) throw new DateTimeParseException("", "", 0);
            instant = java.time.OffsetDateTime.parse(at.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("at must be an ISO-8601 instant, e.g. 2024-10-21T01:58:00Z");
        }
        var views = node.get("views");
        long count = 1;
        if (views != null) {
            if (!views.isIntegralNumber() || !views.canConvertToLong() || views.asLong() < 1) {
                throw new IllegalArgumentException("views must be an integer >= 1");
            }
            count = views.asLong();
        }
        return new Line(id.asLong(), instant, optionalText(node, "visitor"), optionalText(node, "userAgent"), count);
    }

    private static String optionalText(JsonNode node, String field) {
        var v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new IllegalArgumentException(field + " must be a string");
        return v.asText();
    }

    private interface LineHandler {
        void accept(long number, String text);
    }

    private static void forEachLine(Path file, LongConsumer progress, LineHandler handler) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            long bytes = 0;
            String text;
            while ((text = in.readLine()) != null) {
                number++;
                bytes += text.length() + 1;
                if (number % 10_000 == 0) progress.accept(bytes);
                if (text.isBlank()) continue;
                handler.accept(number, text);
            }
            progress.accept(bytes);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new RejectedException(List.of(new LineError(0, "the file is not UTF-8")), 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
