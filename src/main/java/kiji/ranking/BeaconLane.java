package kiji.ranking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /api/views} answered by a plain Jetty handler, ahead of the servlet layer and
 * Javalin.
 *
 * <p>Why it exists: every article view sends this beacon, so it is Kiji's most frequent
 * request, and the issue asks for half of nginx's rate answering 204. Profiling showed Kiji's
 * own work (parse, bot and repeat checks, bucket increment: ~2 M/s on one thread) is a small
 * share of a request; the rest was Jetty's servlet layer and Javalin's per-request pipeline.
 * This handler runs the same rule ({@link Beacon}) and writes the same answer as the Javalin
 * route — status, security headers, {@code Cache-Control: no-store}, the same JSON errors —
 * with headers built once. Any other method or path falls through to Javalin.
 */
public final class BeaconLane extends Handler.Abstract {
    static final String PATH = "/api/views";
    private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");
    // what Javalin's answers carry: its default type on the 204, application/json on errors
    private static final HttpField TEXT = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/plain");
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");

    private final Beacon beacon;
    private final TrustedProxies proxies;
    private final HttpFields common;
    private final Map<Beacon.Answer, byte[]> errors = new EnumMap<>(Beacon.Answer.class);

    BeaconLane(Beacon beacon, TrustedProxies proxies, HttpFields common, ObjectMapper json) {
        this.beacon = beacon;
        this.proxies = proxies;
        this.common = common;
        // the bytes Javalin's exception mapper writes for the same message, made once
        for (var a : Beacon.Answer.values()) {
            if (a == Beacon.Answer.NO_CONTENT) continue;
            try {
                errors.put(a, json.writeValueAsBytes(Map.of("error", a.message)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!"POST".equals(request.getMethod()) || !PATH.equals(request.getHttpURI().getPath())) return false;
        var headers = request.getHeaders();
        byte[] body = body(request);
        var reader = Reader.of(proxies, Request.getRemoteAddr(request), headers.get("X-Forwarded-For"),
                headers.get(HttpHeader.USER_AGENT), editor(request));
        var answer = beacon.answer(body, reader);
        var out = response.getHeaders();
        response.setStatus(answer.status);
        if (answer == Beacon.Answer.NO_CONTENT) {
            out.add(TEXT).add(common).add(NO_STORE);
            response.write(true, null, callback);
        } else {
            out.add(JSON).add(common);
            response.write(true, ByteBuffer.wrap(errors.get(answer)), callback);
        }
        return true;
    }

    /** The body, read into an array of its declared length (a 1 KB buffer per beacon was a fifth of its garbage). */
    private static byte[] body(Request request) throws IOException {
        var in = Content.Source.asInputStream(request);
        long length = request.getLength();
        if (length < 0 || length > Beacon.MAX_BODY_BYTES) return in.readNBytes(Beacon.MAX_BODY_BYTES + 1);
        var body = new byte[(int) length];
        int read = in.readNBytes(body, 0, body.length);
        return read == body.length ? body : Arrays.copyOf(body, read);
    }

    private static boolean editor(Request request) {
        if (!request.getHeaders().contains(HttpHeader.COOKIE)) return false;
        for (var c : Request.getCookies(request)) if (Reader.EDITOR_SESSION_COOKIE.equals(c.getName())) return true;
        return false;
    }
}
