package kiji.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.Content;
import java.util.Map;

/**
 * A JSON-LD block, serialized so it can sit inside {@code <script type="application/ld+json">}:
 * {@code <}, {@code >} and {@code &} (and the JavaScript line separators) are written as
 * {@code \\u} escapes, so a title containing {@code </script>} cannot close the element. The
 * JSON means the same; only its spelling changes.
 */
public record JsonLd(String json) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static JsonLd of(Map<String, ?> value) {
        try {
            return new JsonLd(escape(MAPPER.writeValueAsString(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable as JSON-LD", e);
        }
    }

    static String escape(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** The whole element, for templates (the JSON is already safe, see above). */
    public Content script() {
        return output -> output.writeContent("<script type=\"application/ld+json\">" + json + "</script>");
    }
}
