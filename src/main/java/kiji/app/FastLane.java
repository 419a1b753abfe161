package kiji.app;

import java.util.List;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.TryExecutor;

/**
 * Plain Jetty handlers tried before the servlet layer and Javalin; the first that answers a
 * request ends it, and a request none of them takes goes on to Javalin unchanged.
 *
 * <p>Why: the two requests a news site serves most — a cached public page and the view beacon —
 * cost Kiji a map lookup or a counter increment, while Jetty's servlet layer and Javalin's
 * per-request pipeline around them cost several times that (profiled under wrk; see
 * docs/benchmarks.md). Each lane answers exactly as its Javalin route does and is tested so.
 *
 * <p>Threads: this handler is {@link InvocationType#NON_BLOCKING}, so Jetty calls it on the
 * selector thread that parsed the request, with no hand-off to the pool. Lanes that are
 * non-blocking themselves (the beacon) answer right there, as nginx would; everything else —
 * blocking lanes and all of Javalin — is handed to the server's thread pool here, so nothing
 * that may block ever runs on a selector.
 */
final class FastLane extends Handler.Wrapper {
    private final List<Handler> inline;
    private final List<Handler> pooled;

    FastLane(List<Handler> lanes) {
        this.inline = lanes.stream().filter(l -> l.getInvocationType() == InvocationType.NON_BLOCKING).toList();
        this.pooled = lanes.stream().filter(l -> l.getInvocationType() != InvocationType.NON_BLOCKING).toList();
        lanes.forEach(this::addBean);
    }

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        inline.forEach(lane -> lane.setServer(server));
        pooled.forEach(lane -> lane.setServer(server));
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        for (var lane : inline) if (lane.handle(request, response, callback)) return true;
        dispatch(() -> handleBlocking(request, response, callback));
        return true;
    }

    /**
     * To a reserved thread when one is idle (what Jetty's own strategy used to do for every
     * request: the cheapest hand-off), else through the pool's queue.
     */
    private void dispatch(Runnable task) {
        var pool = getServer().getThreadPool();
        if (pool instanceof TryExecutor reserved && reserved.tryExecute(task)) return;
        pool.execute(task);
    }

    private void handleBlocking(Request request, Response response, Callback callback) {
        try {
            for (var lane : pooled) if (lane.handle(request, response, callback)) return;
            if (!super.handle(request, response, callback)) Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
        } catch (Throwable x) {
            callback.failed(x);
        }
    }

    /** For tests: whether Jetty may run handlers on its selector threads, as this lane needs. */
    static boolean runsOnSelector(Server server) {
        return Invocable.getInvocationType(server) == InvocationType.NON_BLOCKING;
    }
}
