package kiji.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.morph.ConnectionCosts;
import org.apache.lucene.analysis.morph.Viterbi;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kuromoji's connection costs (the cost of one word class following another, 1,316 × 1,316) in a
 * plain {@code short[]}. Lucene keeps them in a read-only direct {@code ByteBuffer}, and the
 * tokenizer reads one for every edge of its lattice: ~36 % of a rebuild's analysis is that loop.
 * From a heap array the same analysis took 6–12 % less CPU (docs/benchmarks.md, search, session
 * 4). The values are Lucene's own, so the tokens are the same ({@code HeapConnectionCostsTest}).
 *
 * <p>Lucene offers no way to hand {@link JapaneseTokenizer} another table (the class, its cost
 * table and its Viterbi are final or package-private), so the copy is read from Lucene's buffer
 * and {@link #install} replaces the reference in the tokenizer's Viterbi, both by reflection.
 * Should a Lucene or JDK upgrade refuse that, the stock table stays in use — same tokens,
 * slower — with a warning.
 */
final class HeapConnectionCosts extends ConnectionCosts {
    private static final Logger log = LoggerFactory.getLogger(HeapConnectionCosts.class);
    private static final String EMPTY_HEADER = "kiji_heap_cc";

    private final short[] costs;
    private final int forwardSize;

    private HeapConnectionCosts(short[] costs, int forwardSize) throws IOException {
        // the base class reads a matrix from a stream: given an empty one, it allocates nothing
        super(HeapConnectionCosts::emptyMatrix, EMPTY_HEADER, 0);
        this.costs = costs;
        this.forwardSize = forwardSize;
    }

    @Override
    public int get(int forwardId, int backwardId) {
        return costs[backwardId * forwardSize + forwardId];
    }

    int forwardSize() {
        return forwardSize;
    }

    int backwardSize() {
        return costs.length / forwardSize;
    }

    /**
     * Makes the tokenizer read its connection costs from the heap copy. Call before the tokenizer
     * is used.
     *
     * @return false when Lucene's internals no longer allow it (the stock table is then used)
     */
    static boolean install(JapaneseTokenizer tokenizer) {
        var shared = Shared.INSTALLER;
        if (shared.isEmpty()) return false;
        try {
            var i = shared.get();
            i.costs().set(i.viterbi().get(tokenizer), i.table());
            return true;
        } catch (IllegalAccessException | RuntimeException e) {
            log.warn("search: Kuromoji's connection costs stay in Lucene's buffer ({}); analysis is slower", e.toString());
            return false;
        }
    }

    /** Lucene's table, for the equality test. */
    static ConnectionCosts lucene() {
        return org.apache.lucene.analysis.ja.dict.ConnectionCosts.getInstance();
    }

    /** The copy, when Lucene's internals allowed making it. */
    static Optional<HeapConnectionCosts> shared() {
        return Shared.INSTALLER.map(Installer::table);
    }

    private record Installer(HeapConnectionCosts table, Field viterbi, Field costs) {}

    /** Made on first use and shared read-only by every tokenizer (3.4 MB). */
    private static final class Shared {
        static final Optional<Installer> INSTALLER = installer();

        /** Copies Lucene's buffer in one bulk read: this runs in the start-up warm-up of Kuromoji. */
        private static Optional<Installer> installer() {
            try {
                var lucene = lucene();
                var buffer = ConnectionCosts.class.getDeclaredField("buffer");
                buffer.setAccessible(true);
                var forwardSize = ConnectionCosts.class.getDeclaredField("forwardSize");
                forwardSize.setAccessible(true);
                // duplicate(): its own position, big-endian as Lucene wrote it
                var bytes = ((ByteBuffer) buffer.get(lucene)).duplicate().order(ByteOrder.BIG_ENDIAN);
                var costs = new short[bytes.capacity() / Short.BYTES];
                bytes.position(0);
                bytes.asShortBuffer().get(costs);
                var table = new HeapConnectionCosts(costs, forwardSize.getInt(lucene));
                if (!samplesAgree(table, lucene)) {
                    log.warn("search: Kuromoji's connection-cost buffer is not laid out as expected; analysis is slower");
                    return Optional.empty();
                }
                var viterbi = JapaneseTokenizer.class.getDeclaredField("viterbi");
                viterbi.setAccessible(true);
                var costsField = Viterbi.class.getDeclaredField("costs");
                costsField.setAccessible(true);
                return Optional.of(new Installer(table, viterbi, costsField));
            } catch (ReflectiveOperationException | IOException | RuntimeException e) {
                log.warn("search: Kuromoji's connection costs stay in Lucene's buffer ({}); analysis is slower", e.toString());
                return Optional.empty();
            }
        }
    }

    /** A cheap check at load (one cost in 1,000) that the copy reads Lucene's layout right. */
    private static boolean samplesAgree(HeapConnectionCosts table, ConnectionCosts lucene) {
        if (table.costs.length % table.forwardSize != 0) return false;
        for (int i = 0; i < table.costs.length; i += 997) {
            int f = i % table.forwardSize;
            int b = i / table.forwardSize;
            if (table.get(f, b) != lucene.get(f, b)) return false;
        }
        return true;
    }

    private static InputStream emptyMatrix() throws IOException {
        var out = new ByteBuffersDataOutput();
        CodecUtil.writeHeader(out, EMPTY_HEADER, 0);
        out.writeVInt(0);
        out.writeVInt(0);
        return new ByteArrayInputStream(out.toArrayCopy());
    }
}
