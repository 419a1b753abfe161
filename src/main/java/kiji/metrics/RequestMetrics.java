package kiji.metrics;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Counts every request and its time, per {@link RouteGroup} and status class, as the outermost
 * Jetty handler: the fast lane's answers (cached pages, beacons) are counted like Javalin's.
 * Each time also lands in one of {@link LatencyBuckets}' fixed buckets, for quantiles.
 * Only adders here (no registry lookup, no lock), and Jetty's invocation type is the wrapped
 * handler's, so the fast lane still answers on the selector thread. {@link KijiMetrics} reads
 * the adders when scraped.
 */
public final class RequestMetrics extends Handler.Wrapper {
    static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    /** One group and status class: how many requests, their total and largest time, and how many per bucket. */
    static final class Tally {
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);
        final LongAdder[] buckets = LatencyBuckets.adders();
    }

    private final Tally[][] tallies = new Tally[RouteGroup.values().length][CLASSES.length];

    public RequestMetrics() {
        for (var row : tallies) for (int c = 0; c < row.length; c++) row[c] = new Tally();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        var group = RouteGroup.of(request.getHttpURI().getPath());
        var counted = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                record(group, response.getStatus(), start);
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                record(group, 500, start); // the answer could not be completed
                super.failed(x);
            }
        };
        boolean handled;
        try {
            handled = super.handle(request, response, counted);
        } catch (Exception | Error e) {
            record(group, 500, start);
            throw e;
        }
        if (!handled) record(group, 404, start); // Jetty answers 404 itself
        return handled;
    }

    private void record(RouteGroup group, int status, long start) {
        long took = System.nanoTime() - start;
        int c = Math.min(Math.max(status / 100 - 1, 0), CLASSES.length - 1);
        var t = tallies[group.ordinal()][c];
        t.count.increment();
        t.nanos.add(took);
        t.maxNanos.accumulate(took);
        t.buckets[LatencyBuckets.indexOf(took)].increment();
    }

    Tally tally(RouteGroup group, int statusClass) {
        return tallies[group.ordinal()][statusClass];
    }
}
