package kiji.site;

import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers {@code HEAD} exactly as {@code GET}, without the body (RFC 9110 §9.3.2): same status,
 * {@code Content-Type}, {@code Content-Length}, {@code ETag} and caching headers.
 *
 * <p>Why: Javalin answers {@code HEAD} on any path with a {@code GET} route with an empty
 * {@code 200 text/plain} and never runs the route — so a link checker or a crawler's
 * {@code HEAD} on a deleted article got 200, and on a page no validators. This handler, ahead of
 * everything, hands a {@code HEAD} on as a {@code GET}; Jetty itself still knows the request is
 * a {@code HEAD} and sends no body. Code that must not treat it as a read (count-on-render) asks
 * {@link #isHead(Context)}.
 */
public final class HeadAsGet extends Handler.Wrapper {
    private static final String ATTRIBUTE = "kiji.head";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.HEAD.is(request.getMethod())) return super.handle(request, response, callback);
        var asGet = new Request.Wrapper(request) {
            @Override
            public String getMethod() {
                return HttpMethod.GET.asString();
            }
        };
        asGet.setAttribute(ATTRIBUTE, Boolean.TRUE);
        return super.handle(asGet, response, callback);
    }

    /** Whether this {@code GET} is really a {@code HEAD}: headers only, nobody reads the page. */
    public static boolean isHead(Context ctx) {
        return ctx.req().getAttribute(ATTRIBUTE) != null;
    }
}
