package kiji.ranking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * {@code POST /api/views} answered by a plain Jetty handler, ahead of the servlet layer and
 * Javalin, on the thread that read the request: it never blocks.
 *
 * <p>Why it exists: every article view sends this beacon, so it is Kiji's most frequent
 * request, and the issue asks for half of nginx's rate answering 204. Profiling showed Kiji's
 * own work (parse, bot and repeat checks, bucket increment: ~2 M/s on one thread) is a small
 * share of a request; the rest was Jetty's servlet layer, Javalin's per-request pipeline, and
 * handing each request from Jetty's selector to a pool thread. This handler runs the same rule
 * ({@link Beacon}) and writes the same answer as the Javalin route — status, security headers,
 * {@code Cache-Control: no-store}, the same JSON errors — with headers built once. Any other
 * method or path falls through to Javalin.
 *
 * <p>Non-blocking: it declares {@link InvocationType#NON_BLOCKING}, so Jetty may run it on the
 * selector thread. The body is read with {@link Request#read()} and {@link Request#demand} (a
 * body split across packets resumes when the rest arrives, without a thread waiting for it),
 * and the rules run from memory ({@link Beacon#answerWithoutWaiting}); when they would need the
 * database (an article not cached, a new day's salt), that one beacon is answered on a pool
 * thread instead.
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
        super(InvocationType.NON_BLOCKING);
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
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"POST".equals(request.getMethod()) || !PATH.equals(request.getHttpURI().getPath())) return false;
        new BeaconBody(request, (body, length) -> answer(request, response, callback, body, length),
                callback::failed).read();
        return true;
    }

    private void answer(Request request, Response response, Callback callback, byte[] body, int length) {
        var headers = request.getHeaders();
        var reader = Reader.of(proxies, Request.getRemoteAddr(request), headers.get("X-Forwarded-For"),
                headers.get(HttpHeader.USER_AGENT), editor(request));
        var answer = beacon.answerWithoutWaiting(body, length, reader);
        if (answer.isPresent()) {
            write(response, callback, answer.get());
            return;
        }
        try {
            request.getComponents().getThreadPool().execute(() -> {
                try {
                    write(response, callback, beacon.answer(body, length, reader));
                } catch (Throwable x) {
                    callback.failed(x);
                }
            });
        } catch (Throwable x) { // the pool refused (stopping): fail this beacon, not the selector
            callback.failed(x);
        }
    }

    private void write(Response response, Callback callback, Beacon.Answer answer) {
        var out = response.getHeaders();
        response.setStatus(answer.status);
        if (answer == Beacon.Answer.NO_CONTENT) {
            out.add(TEXT).add(common).add(NO_STORE);
            response.write(true, null, callback);
        } else {
            out.add(JSON).add(common);
            response.write(true, ByteBuffer.wrap(errors.get(answer)), callback);
        }
    }

    private static boolean editor(Request request) {
        if (!request.getHeaders().contains(HttpHeader.COOKIE)) return false;
        for (var c : Request.getCookies(request)) if (Reader.EDITOR_SESSION_COOKIE.equals(c.getName())) return true;
        return false;
    }
}
