package kiji.site;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Public answers already in the {@link RenderCache}, served by a plain Jetty handler ahead of
 * the servlet layer and Javalin.
 *
 * <p>Why it exists: the issue asks for article pages at half of nginx's static rate. A cached
 * page costs Kiji only a map lookup, yet through Jetty's servlet layer and Javalin's
 * per-request pipeline it was served at about a third of nginx (profiled: Kiji's own code was
 * a small share). This handler answers a {@code GET} whose answer is kept with exactly what
 * the Javalin path writes on a hit — security headers, ETag, Last-Modified, Cache-Control,
 * Vary, 304 on revalidation, the kept brotli or gzip copy — after the same ranking-widget check.
 * Everything else falls through to Javalin: other methods (HEAD included), uncached paths,
 * misses (Javalin renders and keeps the answer), and an Accept-Encoding the kept copies do not
 * serve. A hit's key was stored by Javalin for the same raw path and query, so the handler
 * never answers a request Javalin would have routed elsewhere.
 */
public final class CachedPageLane extends Handler.Abstract {
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");

    private final RenderCache cache;
    private final HttpFields common;
    private final boolean withoutWaiting;

    /**
     * {@code withoutWaiting}: the lane is {@link InvocationType#NON_BLOCKING} (Jetty may run it on
     * its selector thread) and declines whatever it cannot answer from memory at once.
     */
    CachedPageLane(RenderCache cache, HttpFields common, boolean withoutWaiting) {
        super(withoutWaiting ? InvocationType.NON_BLOCKING : InvocationType.BLOCKING);
        this.cache = cache;
        this.common = common;
        this.withoutWaiting = withoutWaiting;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"GET".equals(request.getMethod())) return false;
        var uri = request.getHttpURI();
        var hit = withoutWaiting ? cache.hitWithoutWaiting(uri.getPath(), uri.getQuery())
                : cache.hit(uri.getPath(), uri.getQuery());
        if (hit.isEmpty()) return false;
        var e = hit.get();
        var in = request.getHeaders();
        var acceptEncoding = in.get(HttpHeader.ACCEPT_ENCODING);
        var coding = Precompressed.choose(acceptEncoding, e.body().length);
        // a coding the kept copies do not serve: Javalin's compression decides, as before
        if (acceptEncoding != null && coding.isEmpty() && e.body().length >= Precompressed.MIN_SIZE) return false;
        if (withoutWaiting && coding.isPresent() && e.compressed().made(coding.get()).isEmpty()) return false;

        var out = response.getHeaders();
        out.add(new HttpField(HttpHeader.CONTENT_TYPE, e.wireType())).add(common)
                .add(new HttpField(HttpHeader.ETAG, e.etag()))
                .add(new HttpField(HttpHeader.LAST_MODIFIED, e.lastModified()))
                .add(new HttpField(HttpHeader.CACHE_CONTROL, e.cacheControl()))
                .add(VARY);
        if (HttpValidators.notModified(in.get(HttpHeader.IF_NONE_MATCH), in.get(HttpHeader.IF_MODIFIED_SINCE), e.etag(),
                e.renderedAt())) {
            cache.countHit();
            response.setStatus(304);
            out.put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, null, callback);
            return true;
        }
        cache.countHit();
        e.compressed().send(response, callback, coding);
        return true;
    }

    /**
     * The Content-Type as Jetty's servlet API writes it: a type Jetty knows in its canonical form
     * ({@code text/html; charset=utf-8} becomes {@code text/html;charset=utf-8}), any other as given.
     */
    static String servletForm(String type) {
        var known = MimeTypes.CACHE.get(type);
        return known == null ? type : known.asString();
    }
}
