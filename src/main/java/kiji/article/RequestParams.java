package kiji.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;

/**
 * The request parts every JSON API reads the same way: an article id in the path, optional query text,
 * the JSON body.
 */
public final class RequestParams {
    private RequestParams() {}

    /** The {@code {id}} path parameter as a positive article id, or 400. */
    public static long pathId(Context ctx) {
        var raw = ctx.pathParam("id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) return id;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new BadRequestResponse("id must be a positive integer");
    }

    /** The request body as JSON, or 400 when it is empty or not JSON. */
    public static JsonNode jsonBody(Context ctx, ObjectMapper json) {
        try {
            var node = json.readTree(ctx.bodyInputStream());
            if (node == null || node.isMissingNode()) throw new BadRequestResponse("request body must be JSON");
            return node;
        } catch (IOException e) {
            throw new BadRequestResponse("request body is not valid JSON");
        }
    }

    /** A query parameter, stripped; absent when missing or blank. */
    public static Optional<String> optional(Context ctx, String name) {
        return present(ctx.queryParam(name));
    }

    /** A raw parameter value, stripped; absent when null or blank. */
    public static Optional<String> present(String raw) {
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
    }
}
