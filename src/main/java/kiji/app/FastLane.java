package kiji.app;

import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * Plain Jetty handlers tried before the servlet layer and Javalin; the first that answers a
 * request ends it, and a request none of them takes goes on to Javalin unchanged.
 *
 * <p>Why: the two requests a news site serves most — a cached public page and the view beacon —
 * cost Kiji a map lookup or a counter increment, while Jetty's servlet layer and Javalin's
 * per-request pipeline around them cost several times that (profiled under wrk; see
 * docs/benchmarks.md). Each lane answers exactly as its Javalin route does and is tested so.
 */
final class FastLane extends Handler.Wrapper {
    private final List<Handler> lanes;

    FastLane(List<Handler> lanes) {
        this.lanes = List.copyOf(lanes);
        lanes.forEach(this::addBean);
    }

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        lanes.forEach(lane -> lane.setServer(server));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        for (var lane : lanes) if (lane.handle(request, response, callback)) return true;
        return super.handle(request, response, callback);
    }
}
