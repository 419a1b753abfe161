package kiji.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/** One index folder opened for writing, with its near-real-time searchers. */
record Generation(Path dir, FSDirectory directory, IndexWriter writer, SearcherManager searchers) {
    /** Bumped when analysis or fields change, so an index built the old way is rebuilt on start. */
    static final String SCHEMA = "kiji-search-5";
    static final String SCHEMA_KEY = "kiji.schema";
    static final String UNCOMMITTED = "uncommitted";

    static Generation create(Path dir, Analyzer analyzer) throws IOException {
        return open(dir, analyzer, IndexWriterConfig.OpenMode.CREATE);
    }

    /**
     * Opens an existing index and proves it readable: every file's checksum is verified, so a
     * damaged index is found now (and rebuilt) rather than by a reader's query later.
     */
    static Generation existing(Path dir, Analyzer analyzer) throws IOException {
        if (Files.exists(dir.resolve(UNCOMMITTED))) {
            throw new IOException("not closed cleanly: changes after its last commit may be missing");
        }
        var g = open(dir, analyzer, IndexWriterConfig.OpenMode.APPEND);
        try {
            var schema = g.writer.getLiveCommitData();
            String found = null;
            if (schema != null) for (var e : schema) if (e.getKey().equals(SCHEMA_KEY)) found = e.getValue();
            if (!SCHEMA.equals(found)) throw new IOException("index schema " + found + ", expected " + SCHEMA);
            var searcher = g.searchers.acquire();
            try {
                for (var leaf : searcher.getIndexReader().leaves()) leaf.reader().checkIntegrity();
            } finally {
                g.searchers.release(searcher);
            }
            return g;
        } catch (IOException | RuntimeException e) {
            g.closeQuietly();
            throw e;
        }
    }

    private static Generation open(Path dir, Analyzer analyzer, IndexWriterConfig.OpenMode mode) throws IOException {
        var directory = FSDirectory.open(dir);
        IndexWriter writer = null;
        try {
            // no index sort: sorting every flushed segment and merging sorted segments cost ~10 % of a
            // rebuild's CPU, and a date-ordered search skips old documents through the points of the
            // same `published` field instead (see docs/benchmarks.md, "Search", session 3)
            var config = new IndexWriterConfig(analyzer).setOpenMode(mode).setRAMBufferSizeMB(ramBufferMb())
                    // a new generation is filled in bulk: its few large flushed segments are not worth
                    // copying into compound files (see bulkLoaded)
                    .setUseCompoundFile(mode == IndexWriterConfig.OpenMode.APPEND);
            writer = new IndexWriter(directory, config);
            if (mode == IndexWriterConfig.OpenMode.CREATE) {
                writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA).entrySet());
                writer.commit();
            }
            return new Generation(dir, directory, writer, new SearcherManager(writer, null));
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(writer, directory);
            throw e;
        }
    }

    /**
     * An eighth of the heap, 32–256 MB: a rebuild flushes fewer, larger segments (less merging
     * of a 100,000-article index), and a server started with a small heap keeps room to serve.
     */
    static double ramBufferMb() {
        return Math.clamp(Runtime.getRuntime().maxMemory() / 8.0 / (1 << 20), 32.0, 256.0);
    }

    static void markUncommitted(Path dir) throws IOException {
        if (!Files.exists(dir.resolve(UNCOMMITTED))) Files.createFile(dir.resolve(UNCOMMITTED));
    }

    static void markCommitted(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(UNCOMMITTED));
    }

    /** After a rebuild's bulk load: the small segments of single edits go into compound files again. */
    void bulkLoaded() {
        writer.getConfig().setUseCompoundFile(true);
    }

    void commit() throws IOException {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA).entrySet());
        writer.commit();
    }

    void close() throws IOException {
        IOUtils.close(searchers, writer, directory);
    }

    void closeQuietly() {
        IOUtils.closeWhileHandlingException(searchers, writer, directory);
    }
}
