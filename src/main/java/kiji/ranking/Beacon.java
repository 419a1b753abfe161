package kiji.ranking;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * The rule of {@code POST /api/views} without HTTP: what a beacon body and its reader are
 * answered. Shared by the Javalin route and {@link BeaconLane}, so both answer alike.
 */
final class Beacon {
    static final int MAX_BODY_BYTES = 1024;
    private static final long MALFORMED_ID = 0;

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
    private final JsonFactory json;

    /** {@code json}'s parser features (duplicate keys refused) apply; trailing text is refused here. */
    Beacon(ViewCounting counting, ObjectMapper json) {
        this.counting = counting;
        this.json = json.getFactory();
    }

    /** Counts the view if the rules allow; {@code body} is at most {@link #MAX_BODY_BYTES} + 1 bytes read. */
    Answer answer(byte[] body, Reader reader) {
        return answer(body, body.length, reader);
    }

    /** {@link #answer(byte[], Reader)} on the first {@code length} bytes of {@code body}. */
    Answer answer(byte[] body, int length, Reader reader) {
        if (length > MAX_BODY_BYTES) return Answer.TOO_LARGE;
        long id = articleId(body, length);
        if (id == MALFORMED_ID) return Answer.MALFORMED;
        return counting.count(id, reader).isPresent() ? Answer.NO_CONTENT : Answer.UNKNOWN_ARTICLE;
    }

    /**
     * The same answer without ever waiting for the database; empty when giving it would (an
     * article not in the lookup's cache, a salt not loaded): then call {@link #answer} where
     * blocking is allowed. Nothing is counted when it is empty.
     */
    Optional<Answer> answerWithoutWaiting(byte[] body, int length, Reader reader) {
        if (length > MAX_BODY_BYTES) return Optional.of(Answer.TOO_LARGE);
        long id = articleId(body, length);
        if (id == MALFORMED_ID) return Optional.of(Answer.MALFORMED);
        return switch (counting.countWithoutWaiting(id, reader)) {
            case DONE -> Optional.of(Answer.NO_CONTENT);
            case UNKNOWN_ARTICLE -> Optional.of(Answer.UNKNOWN_ARTICLE);
            case WOULD_WAIT -> Optional.empty();
        };
    }

    /**
     * The positive {@code articleId} of a body that is exactly one JSON object (other members
     * allowed, duplicate keys and trailing text not), or {@link #MALFORMED_ID}. Streamed: the
     * tree Jackson built for one number was most of this class's cost.
     */
    private long articleId(byte[] body, int length) {
        try (JsonParser p = json.createParser(body, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return MALFORMED_ID;
            long id = MALFORMED_ID;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                boolean isId = "articleId".equals(p.currentName());
                var value = p.nextToken();
                if (isId) {
                    id = value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                            && p.getLongValue() >= 1 ? p.getLongValue() : MALFORMED_ID;
                    if (id == MALFORMED_ID) return MALFORMED_ID;
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) return MALFORMED_ID;
            return id;
        } catch (IOException e) {
            return MALFORMED_ID;
        }
    }
}
