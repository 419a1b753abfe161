package kiji.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kiji.article.ValidationException;

/**
 * Reads a fixed page from admin API JSON, reporting every wrong field at once:
 * {@code {"path": "/about/", "title": "会社概要", "body": "…", "format": "markdown", "status": "published"}}.
 * {@code format} defaults to markdown; {@code id} may repeat the path's id (a client sending back
 * what it read).
 */
final class FixedPageRequest {
    private static final Set<String> FIELDS = Set.of("id", "path", "title", "body", "format", "status");
    /** What an answer carries and a client may send back unchanged; ignored. */
    private static final Set<String> READ_ONLY = Set.of("url", "bodyHtml", "createdAt", "updatedAt");

    private FixedPageRequest() {}

    static FixedPageDraft parse(JsonNode json, Long pathId, FixedPageService rules) {
        if (json == null || !json.isObject()) throw ValidationException.of("body", "must be a JSON object");
        Map<String, String> errors = new LinkedHashMap<>();
        json.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f) && !READ_ONLY.contains(f)) errors.put(f, "unknown field");
        });
        var id = json.get("id");
        if (id != null && !id.isNull() && (pathId == null || !id.canConvertToLong() || id.asLong() != pathId)) {
            errors.put("id", pathId == null ? "given by the server" : "does not match the id in the path");
        }
        var path = string(json, "path", errors);
        var title = string(json, "title", errors);
        var body = string(json, "body", errors);
        var rawFormat = string(json, "format", errors);
        var format = rawFormat == null ? PageFormat.MARKDOWN : PageFormat.parse(rawFormat).orElse(null);
        if (format == null) errors.put("format", "must be markdown or html");
        var rawStatus = string(json, "status", errors);
        PageStatus status = null;
        if (rawStatus == null) errors.putIfAbsent("status", "required: one of draft, published");
        else {
            status = PageStatus.parse(rawStatus).orElse(null);
            if (status == null) errors.put("status", "must be one of draft, published");
        }
        var draft = new FixedPageDraft(path, title, format, body, status);
        if (!errors.isEmpty()) {
            // the draft's own problems too (a taken path, a missing title), so one answer names every field
            rules.problems(draft).forEach(errors::putIfAbsent);
            throw new ValidationException(errors);
        }
        return draft;
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
}
