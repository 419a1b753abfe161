package kiji.ranking;

import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Reads a beacon's body without blocking: what has arrived is copied at once, and when the rest
 * has not, {@link Request#demand} calls back when it does (on the selector thread: copying
 * bytes never blocks). At most {@link Beacon#MAX_BODY_BYTES} + 1 bytes are kept, which is
 * enough to tell a body that is too large.
 */
final class BeaconBody implements Runnable, Invocable {
    /** Receives the body: its first {@code length} bytes. */
    interface Receiver {
        void receive(byte[] body, int length);
    }

    private static final int LIMIT = Beacon.MAX_BODY_BYTES + 1;
    private final Request request;
    private final Receiver receiver;
    private final Consumer<Throwable> failure;
    private byte[] body;
    private int length;

    BeaconBody(Request request, Receiver receiver, Consumer<Throwable> failure) {
        this.request = request;
        this.receiver = receiver;
        this.failure = failure;
        long declared = request.getLength();
        // an array of the declared length (a 1 KB buffer per beacon was a fifth of its garbage)
        this.body = new byte[declared >= 0 && declared < LIMIT ? (int) declared : LIMIT];
    }

    /** Reads what is there; the receiver is called once, when the body has ended or is too large. */
    void read() {
        while (true) {
            var chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                failure.accept(chunk.getFailure());
                return;
            }
            var bytes = chunk.getByteBuffer();
            int n = Math.min(bytes.remaining(), LIMIT - length);
            if (length + n > body.length) body = java.util.Arrays.copyOf(body, Math.min(LIMIT, Math.max(length + n, 64)));
            bytes.get(body, length, n);
            length += n;
            boolean last = chunk.isLast();
            chunk.release();
            if (last || length == LIMIT) {
                receiver.receive(body, length);
                return;
            }
        }
    }

    @Override
    public void run() {
        read();
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }
}
