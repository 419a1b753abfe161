package kiji.importer;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import kiji.ranking.HourBucketStore.HistorySink;

/**
 * Views read on a thread of their own and handed to the writing thread in blocks of plain
 * longs: on two cores the parsing of ten million CSV rows overlaps their writing. A failure of
 * the reader reaches the writer as thrown there; a failure of the writer stops the reader.
 */
final class ViewBlocks {
    private static final int ROWS = 8_192;
    private static final long[] END = new long[0];

    private ViewBlocks() {}

    /** Runs {@code reader} on its own thread and passes what it adds to {@code sink} on this one. */
    static void pipe(Consumer<HistorySink> reader, HistorySink sink) {
        BlockingQueue<long[]> queue = new ArrayBlockingQueue<>(16);
        RuntimeException[] failed = {null};
        var thread = Thread.ofPlatform().name("kiji-views-read").daemon().start(() -> {
            var block = new Block(queue);
            try {
                reader.accept(block);
                block.send();
            } catch (ReadAhead.Stopped stopped) {
                return;
            } catch (RuntimeException e) {
                failed[0] = e;
            } catch (Error e) {
                failed[0] = new IllegalStateException(e);
            }
            ReadAhead.put(queue, END);
        });
        try {
            for (var rows = queue.take(); rows != END; rows = queue.take()) {
                for (int i = 0; i < rows.length; i += 3) sink.add(rows[i], rows[i + 1], rows[i + 2]);
            }
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } finally {
            thread.interrupt();
            queue.clear();
        }
        if (failed[0] != null) throw failed[0];
    }

    private static final class Block implements HistorySink {
        private final BlockingQueue<long[]> queue;
        private long[] rows = new long[ROWS * 3];
        private int size;

        Block(BlockingQueue<long[]> queue) {
            this.queue = queue;
        }

        @Override
        public void add(long articleId, long epochHour, long views) {
            rows[size++] = articleId;
            rows[size++] = epochHour;
            rows[size++] = views;
            if (size == rows.length) send();
        }

        void send() {
            if (size == 0) return;
            ReadAhead.put(queue, size == rows.length ? rows : Arrays.copyOf(rows, size));
            rows = new long[ROWS * 3];
            size = 0;
        }
    }
}
