package kiji.personnel;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiji.article.ArticleRequest;
import kiji.article.Status;
import kiji.article.ValidationException;

/**
 * What an editor submits for an order: the pasted text, the kind, the status and time, whether the title
 * carries the era year, and optionally a title of their own, a lead and notes under the tables.
 */
public record OrderRequest(String text, String kind, Status status, Optional<Instant> publishedAt, boolean eraYear,
                           Optional<String> title, String lead, String notes) {
    private static final Set<String> FIELDS =
            Set.of("text", "kind", "status", "publishedAt", "eraYear", "title", "lead", "notes");

    /** Reads API JSON; every wrong field is reported at once (400 {@code {"error","fields"}}). */
    public static OrderRequest parse(JsonNode json) {
        if (json == null || !json.isObject()) throw ValidationException.of("body", "must be a JSON object");
        Map<String, String> errors = new LinkedHashMap<>();
        json.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) errors.put(f, "unknown field");
        });
        var text = string(json, "text", errors).orElse("");
        if (text.isBlank()) errors.putIfAbsent("text", "required");
        var kind = string(json, "kind", errors).orElse("");
        if (!OrderTitle.KINDS.contains(kind)) errors.putIfAbsent("kind", "must be one of " + String.join(", ", OrderTitle.KINDS));
        var status = string(json, "status", errors).flatMap(Status::parse);
        if (status.isEmpty()) errors.putIfAbsent("status", "required: one of draft, scheduled, published");
        Optional<Instant> publishedAt = Optional.empty();
        try {
            publishedAt = string(json, "publishedAt", errors).map(ArticleRequest::instant);
        } catch (DateTimeParseException e) {
            errors.put("publishedAt", "not an ISO-8601 time such as 2025-12-09T10:00:00+09:00");
        }
        var era = json.get("eraYear");
        if (era != null && !era.isNull() && !era.isBoolean()) errors.put("eraYear", "must be true or false");
        var title = string(json, "title", errors).map(String::strip).filter(t -> !t.isEmpty());
        var lead = string(json, "lead", errors).orElse("");
        var notes = string(json, "notes", errors).orElse("");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new OrderRequest(text, kind, status.get(), publishedAt, era != null && era.asBoolean(), title, lead, notes);
    }

    private static Optional<String> string(JsonNode json, String field, Map<String, String> errors) {
        var node = json.get(field);
        if (node == null || node.isNull()) return Optional.empty();
        if (!node.isTextual()) {
            errors.put(field, "must be a string");
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }
}
