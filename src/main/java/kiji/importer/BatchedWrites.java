package kiji.importer;

import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * One statement's rows during an import, sent a thousand at a time on the import's handle: rows
 * nobody reads before the import ends ({@code import_source}, {@code redirect}) need not cost a
 * round trip each. Rows keep their order, so a later upsert of the same key still wins.
 */
final class BatchedWrites {
    private static final int SIZE = 1_000;
    private final Handle handle;
    private final String sql;
    private PreparedBatch batch;
    private int size;

    BatchedWrites(Handle handle, String sql) {
        this.handle = handle;
        this.sql = sql;
    }

    void add(Consumer<PreparedBatch> row) {
        if (batch == null) batch = handle.prepareBatch(sql);
        row.accept(batch);
        batch.add();
        if (++size == SIZE) flush();
    }

    void flush() {
        if (size > 0) batch.execute();
        batch = null;
        size = 0;
    }
}
