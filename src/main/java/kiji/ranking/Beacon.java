package kiji.ranking;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The rule of {@code POST /api/views} without HTTP: what a beacon body and its reader are
 * answered. Shared by the Javalin route and {@link BeaconLane}, so both answer alike.
 */
final class Beacon {
    static final int MAX_BODY_BYTES = 1024;

    /** What a beacon is answered: 204 whether counted or not (a reader learns nothing), else an error. */
    enum Answer {
        NO_CONTENT(204, ""),
        TOO_LARGE(400, "body too large"),
        MALFORMED(400, "body must be {\"articleId\": positive integer}"),
        UNKNOWN_ARTICLE(404, "no such article");

        final int status;
        final String message;

        Answer(int status, String message) {
            this.status = status;
            this.message = message;
        }
    }

    private final ViewCounting counting;
    private final ObjectMapper json;

    Beacon(ViewCounting counting, ObjectMapper json) {
        this.counting = counting;
        this.json = json;
    }

    /** Counts the view if the rules allow; {@code body} is at most {@link #MAX_BODY_BYTES} + 1 bytes read. */
    Answer answer(byte[] body, Reader reader) {
        if (body.length > MAX_BODY_BYTES) return Answer.TOO_LARGE;
        long id;
        try {
            var node = json.readTree(body);
            var v = node == null ? null : node.get("articleId");
            if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1) return Answer.MALFORMED;
            id = v.asLong();
        } catch (IOException e) {
            return Answer.MALFORMED;
        }
        return counting.count(id, reader).isPresent() ? Answer.NO_CONTENT : Answer.UNKNOWN_ARTICLE;
    }
}
