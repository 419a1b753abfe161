package kiji.article;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an article from API JSON, field by field, so that every wrong field is reported at
 * once ({@code {"title": "required", "publishedAt": "not an ISO-8601 time"}}): what cannot be
 * read here is handed to {@link ArticleService} with the draft, which adds its rules' errors.
 */
public final class ArticleRequest {
    private static final Set<String> FIELDS =
            Set.of("id", "title", "lead", "body", "category", "tags", "authors", "status", "publishedAt",
                    "featuredPhoto");
    /**
     * Fields of {@link ArticleJson} that Kiji computes: ignored on input, so a client can send back
     * the object it read.
     */
    static final Set<String> READ_ONLY = Set.of("bodyHtml", "categoryName", "createdAt", "updatedAt", "url");

    private ArticleRequest() {}

    /** A draft and the fields that could not be read into it (empty when every field was read). */
    public record Parsed(ArticleDraft draft, Map<String, String> errors) {
        public Parsed {
            errors = Map.copyOf(errors);
        }
    }

    /** @throws ValidationException only when the body is not a JSON object at all */
    public static Parsed parse(JsonNode json) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (json == null || !json.isObject()) throw ValidationException.of("body", "must be a JSON object");
        json.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f) && !READ_ONLY.contains(f)) errors.put(f, "unknown field");
        });
        Optional<Long> id = Optional.empty();
        var idNode = json.get("id");
        if (idNode != null && !idNode.isNull()) {
            if (idNode.canConvertToExactIntegral() && idNode.canConvertToLong()) id = Optional.of(idNode.asLong());
            else errors.put("id", "must be a positive integer");
        }
        var title = string(json, "title", errors);
        var lead = string(json, "lead", errors);
        var body = string(json, "body", errors);
        var category = string(json, "category", errors);
        var tags = strings(json, "tags", errors);
        var authors = strings(json, "authors", errors);
        Status status = null;
        var rawStatus = string(json, "status", errors);
        if (rawStatus != null) {
            status = Status.parse(rawStatus).orElse(null);
            if (status == null) errors.put("status", "must be one of draft, scheduled, published");
        }
        Optional<Instant> publishedAt = Optional.empty();
        var rawTime = string(json, "publishedAt", errors);
        if (rawTime != null) {
            try {
                publishedAt = Optional.of(instant(rawTime));
            } catch (DateTimeParseException e) {
                errors.put("publishedAt", "not an ISO-8601 time such as 2024-10-21T10:58:00+09:00");
            }
        }
        var featuredPhoto = photoId(json.get("featuredPhoto"), errors);
        return new Parsed(new ArticleDraft(id, title, lead, body, category, tags, authors, status, publishedAt,
                featuredPhoto), errors);
    }

    /** An ISO-8601 instant; a time without an offset is Japan time, as editors write it. */
    public static Instant instant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(s).atZone(TokyoTime.ZONE).toInstant();
        }
    }

    /**
     * {@code "featuredPhoto": 12}, or the object an answer carries ({@code {"id": 12, ...}}), so
     * a client can send back what it read; null or absent means none.
     */
    private static Optional<Long> photoId(JsonNode node, Map<String, String> errors) {
        if (node == null || node.isNull()) return Optional.empty();
        var id = node.isObject() ? node.get("id") : node;
        if (id != null && id.canConvertToExactIntegral() && id.canConvertToLong() && id.asLong() > 0) {
            return Optional.of(id.asLong());
        }
        errors.put("featuredPhoto", "must be a photo id (a positive integer), {\"id\": N} or null");
        return Optional.empty();
    }

    private static String string(JsonNode json, String field, Map<String, String> errors) {
        var node = json.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) {
            errors.put(field, "must be a string");
            return null;
        }
        return node.asText();
    }

    private static List<String> strings(JsonNode json, String field, Map<String, String> errors) {
        var node = json.get(field);
        var out = new ArrayList<String>();
        if (node == null || node.isNull()) return out;
        if (!node.isArray()) {
            errors.put(field, "must be an array of strings");
            return out;
        }
        for (var item : node) {
            if (!item.isTextual()) {
                errors.put(field, "must be an array of strings");
                return out;
            }
            out.add(item.asText());
        }
        return out;
    }
}
