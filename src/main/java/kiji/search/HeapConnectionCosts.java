package kiji.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.Optional;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.morph.ConnectionCosts;
import org.apache.lucene.analysis.morph.Viterbi;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.InputStreamDataInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kuromoji's connection costs (the cost of one word class following another, 1,316 × 1,316) in a
 * plain {@code short[]}. Lucene keeps them in a read-only direct {@code ByteBuffer}, and the
 * tokenizer reads one for every edge of its lattice: ~36 % of a rebuild's analysis is that loop.
 * From a heap array the same analysis took ~12 % less CPU (docs/benchmarks.md, search, session 4).
 * The values are copied from Lucene's own table, so the tokens are the same
 * ({@code HeapConnectionCostsTest}).
 *
 * <p>Lucene offers no way to hand {@link JapaneseTokenizer} another table (the class, its cost
 * table and its Viterbi are final or package-private), so {@link #install} replaces the
 * reference in the tokenizer's Viterbi. Should a Lucene or JDK upgrade refuse that, the stock
 * table stays in use — same tokens, slower — and a warning says so once.
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
        var fields = Shared.FIELDS;
        if (fields.isEmpty()) return false;
        try {
            fields.get().costs().set(fields.get().viterbi().get(tokenizer), Shared.TABLE);
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

    static HeapConnectionCosts shared() {
        return Shared.TABLE;
    }

    private record Fields(Field viterbi, Field costs) {}

    /** Loaded on first use and shared read-only by every tokenizer (3.4 MB). */
    private static final class Shared {
        static final HeapConnectionCosts TABLE = copyOfLucenes();
        static final Optional<Fields> FIELDS = fields();

        private static HeapConnectionCosts copyOfLucenes() {
            int forward;
            int backward;
            // the matrix's dimensions are in the header of Lucene's own resource
            var resource = org.apache.lucene.analysis.ja.dict.ConnectionCosts.class;
            try (InputStream in = resource.getResourceAsStream("ConnectionCosts.dat")) {
                if (in == null) throw new IOException("Kuromoji's ConnectionCosts.dat is missing");
                var data = new InputStreamDataInput(in);
                CodecUtil.checkHeader(data, "kuromoji_cc", 1, 1);
                forward = data.readVInt();
                backward = data.readVInt();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var lucene = lucene();
            var costs = new short[forward * backward];
            for (int b = 0; b < backward; b++) {
                for (int f = 0; f < forward; f++) costs[b * forward + f] = (short) lucene.get(f, b);
            }
            try {
                return new HeapConnectionCosts(costs, forward);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Optional<Fields> fields() {
            try {
                var viterbi = JapaneseTokenizer.class.getDeclaredField("viterbi");
                viterbi.setAccessible(true);
                var costs = Viterbi.class.getDeclaredField("costs");
                costs.setAccessible(true);
                return Optional.of(new Fields(viterbi, costs));
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.warn("search: Kuromoji's connection costs stay in Lucene's buffer ({}); analysis is slower", e.toString());
                return Optional.empty();
            }
        }
    }

    private static InputStream emptyMatrix() throws IOException {
        var out = new ByteBuffersDataOutput();
        CodecUtil.writeHeader(out, EMPTY_HEADER, 0);
        out.writeVInt(0);
        out.writeVInt(0);
        return new ByteArrayInputStream(out.toArrayCopy());
    }
}
