package kiji.ranking;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.NotFoundResponse;
import kiji.site.Precompressed;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /api/ranking} answered by a plain Jetty handler, ahead of the servlet layer and
 * Javalin.
 *
 * <p>Why it exists: a page served from a cache (Kiji's, a proxy's, a CDN's) refreshes its
 * ranking widget from this API, so under a spike it is asked about as often as pages are. Its
 * answer is already serialized once per ranking result ({@link RankingApi#answer}); through
 * Javalin's per-request pipeline it was served at a fifth of the cached pages' rate. This
 * handler writes what the Javalin route writes — status, security headers, Cache-Control, ETag,
 * Vary, 304 on a matching If-None-Match, the same brotli or gzip copy — and leaves everything
 * else to Javalin: other paths and methods, parameters it refuses (Javalin answers the 400),
 * and an Accept-Encoding the kept copies do not serve.
 */
public final class RankingApiLane extends Handler.Abstract {
    static final String PATH = "/api/ranking";
    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final HttpField CACHE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, RankingApi.CACHE_CONTROL);
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");

    private final RankingApi api;
    private final HttpFields common;

    RankingApiLane(RankingApi api, HttpFields common) {
        this.api = api;
        this.common = common;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!"GET".equals(request.getMethod()) || !PATH.equals(request.getHttpURI().getPath())) return false;
        RankingApi.Answer answer;
        try {
            var params = Request.extractQueryParameters(request);
            answer = api.answer(RankingParams.parse(params::getValue));
        } catch (BadRequestResponse | NotFoundResponse | IllegalArgumentException e) {
            return false; // Javalin's route parses again and answers the 400 or 404 with its message
        }
        var in = request.getHeaders();
        var acceptEncoding = in.get(HttpHeader.ACCEPT_ENCODING);
        var coding = Precompressed.choose(acceptEncoding, answer.body().length);
        if (acceptEncoding != null && coding.isEmpty() && answer.body().length >= Precompressed.MIN_SIZE) return false;

        var out = response.getHeaders();
        out.add(JSON).add(common).add(CACHE).add(new HttpField(HttpHeader.ETAG, answer.etag())).add(VARY);
        if (answer.matches(in.get(HttpHeader.IF_NONE_MATCH))) {
            response.setStatus(304);
            response.write(true, null, callback);
            return true;
        }
        answer.compressed().send(response, callback, coding);
        return true;
    }
}
