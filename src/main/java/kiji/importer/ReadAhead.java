package kiji.importer;

import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads the export and converts bodies on a thread of its own while the caller's thread writes
 * (inside its transaction): on two cores the parse and the database work overlap. Items arrive
 * in file order; a reader's failure (a broken line) reaches the caller as thrown there, and a
 * caller's failure stops the reader.
 */
final class ReadAhead {
    private static final Object END = new Object();
    private static final int DEPTH = 64;

    private record Ready(ImportItem item, ItemBody body) {}

    private record Failed(RuntimeException error) {}

    private ReadAhead() {}

    /** @param prepare what the reading thread makes of each item's body */
    static void read(ImportSource source, InputStream in, Function<ImportItem, ItemBody> prepare,
                     BiConsumer<ImportItem, ItemBody> items) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(DEPTH);
        var reader = Thread.ofPlatform().name("kiji-import-read").daemon().start(() -> {
            try {
                source.read(in, item -> put(queue, new Ready(item, prepare.apply(item))));
                put(queue, END);
            } catch (Stopped stopped) {
                // the writer gave up; nothing more to hand over
            } catch (RuntimeException e) {
                put(queue, new Failed(e));
            } catch (Error e) {
                put(queue, new Failed(new IllegalStateException(e)));
            }
        });
        try {
            while (true) {
                var next = queue.take();
                if (next == END) return;
                if (next instanceof Failed failed) throw failed.error();
                var ready = (Ready) next;
                items.accept(ready.item(), ready.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } finally {
            reader.interrupt();
            queue.clear();
            try {
                reader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Hands {@code o} over, or throws {@link Stopped} when the taking thread gave up (interrupt). */
    static <T> void put(BlockingQueue<T> queue, T o) {
        try {
            queue.put(o);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    /** The writer stopped taking items. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }
}
