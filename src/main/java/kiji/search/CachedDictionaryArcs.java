package kiji.search;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Optional;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.morph.TokenInfoFST;
import org.apache.lucene.analysis.morph.Viterbi;
import org.apache.lucene.util.fst.FST;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of Kuromoji's dictionaries (the system one or a user dictionary) with a cache in front of
 * its FST. At every character of a text the tokenizer walks the dictionary's FST from that
 * character on, and each step decodes one arc from Lucene's packed bytes: about 40 % of the
 * tokenizer's time in a rebuild. The steps repeat — a news text is made of the same few
 * thousand words — so the arcs are kept once decoded: 98–99 % of the steps of the benchmark's
 * corpus are then answered from the cache (docs/benchmarks.md, search, session 5).
 *
 * <p>An arc found from a node by a label is always the same arc, so the cache changes no token
 * ({@code CachedDictionaryArcsTest} compares with Lucene's own lookups). Lucene already keeps the
 * first step of the common scripts in an array; those are left to it.
 *
 * <p>Each tokenizer has its own cache (a tokenizer runs on one thread at a time): two threads
 * sharing one cache tokenized a fifth less than two with one each, its slots bouncing between
 * the cores (docs/benchmarks.md). It is
 * direct-mapped, and grows from 256 slots (a query's few words) to at most {@code 2^bits} (12 bytes
 * each, plus the arcs kept, about 60 bytes each) while it misses more often than it has slots;
 * a slot taken by another node's arc is overwritten in place.
 */
final class CachedDictionaryArcs extends TokenInfoFST {
    private static final Logger log = LoggerFactory.getLogger(CachedDictionaryArcs.class);
    /** Where Lucene's root-arc array starts (both Japanese dictionaries); see {@link #rootCeiling}. */
    private static final int ROOT_FLOOR = 0x3040;
    /** The last character of Lucene's root-arc array: system dictionary (kanji included), user dictionaries (kana). */
    static final int SYSTEM_ROOT_CEILING = 0x9FFF;
    static final int USER_ROOT_CEILING = 0x30FF;
    /** Keys are {@code node << 16 | label}; a node is an FST address, or -1 for "no arcs": never this. */
    private static final long EMPTY = Long.MIN_VALUE;
    /** Kept in a slot whose lookup found no arc; never copied from. */
    private static final FST.Arc<Long> NO_ARC = new FST.Arc<>();

    /** A cache starts this small (a query's few words), and doubles while it misses more than it holds. */
    private static final int FIRST_BITS = 8;

    private final TokenInfoFST lucene;
    private final int rootCeiling;
    private final int maxBits;
    private int bits;
    private int misses;
    private long[] keys;
    private FST.Arc<Long>[] arcs;

    private CachedDictionaryArcs(TokenInfoFST lucene, FST<Long> fst, int rootCeiling, int bits) throws IOException {
        super(fst, 0, 0); // the base class's root array: one slot, never read
        this.lucene = lucene;
        this.rootCeiling = rootCeiling;
        this.maxBits = bits;
        this.bits = Math.min(FIRST_BITS, bits) - 1; // the first lookup allocates 2^FIRST_BITS slots
    }

    /** A cache of {@code 2^bits} slots in front of Lucene's {@code lucene}; empty when Lucene's internals refuse it. */
    static Optional<CachedDictionaryArcs> of(TokenInfoFST lucene, int rootCeiling, int bits) {
        try {
            return Optional.of(new CachedDictionaryArcs(lucene, fstOf(lucene), rootCeiling, bits));
        } catch (IllegalAccessException | IOException | RuntimeException e) {
            warnUncached(e);
            return Optional.empty();
        }
    }

    /** Lucene's own lookups stay in use: the same tokens, slower. */
    private static void warnUncached(Exception e) {
        log.warn("search: Kuromoji's dictionary lookups are not cached ({}); analysis is slower", e.toString());
    }

    @SuppressWarnings("unchecked")
    private static FST<Long> fstOf(TokenInfoFST lucene) throws IllegalAccessException {
        return (FST<Long>) Reflection.FIELDS.orElseThrow().fstOf().get(lucene);
    }

    @Override
    public FST.Arc<Long> findTargetArc(int ch, FST.Arc<Long> follow, FST.Arc<Long> arc, boolean useCache,
                                       FST.BytesReader in) throws IOException {
        if (useCache && ch >= ROOT_FLOOR && ch <= rootCeiling) return lucene.findTargetArc(ch, follow, arc, true, in);
        if (keys == null) grow();
        // the tokenizer passes the same object as follow and arc: read the node before the lookup
        long key = follow.target() << Character.SIZE | ch; // node addresses stay far below 2^47
        int slot = slotOf(key);
        if (keys[slot] == key) {
            var kept = arcs[slot];
            return kept == NO_ARC ? null : arc.copyFrom(kept);
        }
        var found = lucene.findTargetArc(ch, follow, arc, false, in);
        if (++misses > keys.length && bits < maxBits) {
            grow(); // a long text: what it kept is dropped, the next steps fill the larger cache
            slot = slotOf(key);
        }
        keys[slot] = key;
        if (found == null) {
            arcs[slot] = NO_ARC;
        } else {
            var copy = arcs[slot];
            arcs[slot] = (copy == null || copy == NO_ARC ? new FST.Arc<Long>() : copy).copyFrom(found);
        }
        return found;
    }

    /** The key's slot: the top bits of a Fibonacci hash, spread well for addresses that differ in low bits. */
    private int slotOf(long key) {
        return (int) (key * 0x9E3779B97F4A7C15L >>> (Long.SIZE - bits));
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        bits++;
        misses = 0;
        keys = new long[1 << bits];
        Arrays.fill(keys, EMPTY);
        arcs = new FST.Arc[1 << bits];
    }

    @Override
    public FST.Arc<Long> getFirstArc(FST.Arc<Long> arc) {
        return lucene.getFirstArc(arc);
    }

    @Override
    public FST.BytesReader getBytesReader() {
        return lucene.getBytesReader();
    }

    /** How to give each tokenizer of a {@link JapaneseAnalysis} caches of its own. */
    static final class Installer {
        private final TokenInfoFST system;
        private final FST<Long> systemFst;
        private final TokenInfoFST user;
        private final FST<Long> userFst;

        private Installer(TokenInfoFST system, FST<Long> systemFst, TokenInfoFST user, FST<Long> userFst) {
            this.system = system;
            this.systemFst = systemFst;
            this.user = user;
            this.userFst = userFst;
        }

        /**
         * For tokenizers made like {@code sample} (same user dictionary); empty, with a warning,
         * when Lucene's internals no longer allow it (tokenizers then use Lucene's FSTs).
         */
        static Optional<Installer> forTokenizersLike(JapaneseTokenizer sample) {
            var fields = Reflection.FIELDS;
            if (fields.isEmpty()) return Optional.empty();
            try {
                var f = fields.get();
                var viterbi = f.viterbi().get(sample);
                var system = (TokenInfoFST) f.systemFst().get(viterbi);
                var user = (TokenInfoFST) f.userFst().get(viterbi);
                return Optional.of(new Installer(system, fstOf(system), user, user == null ? null : fstOf(user)));
            } catch (IllegalAccessException | RuntimeException e) {
                warnUncached(e);
                return Optional.empty();
            }
        }

        /** Makes {@code tokenizer} look its words up through caches of its own. Call before it is used. */
        boolean install(JapaneseTokenizer tokenizer) {
            var f = Reflection.FIELDS.orElseThrow();
            try {
                var viterbi = f.viterbi().get(tokenizer);
                f.systemFst().set(viterbi, new CachedDictionaryArcs(system, systemFst, SYSTEM_ROOT_CEILING, 14));
                if (user != null) f.userFst().set(viterbi, new CachedDictionaryArcs(user, userFst, USER_ROOT_CEILING, 11));
                return true;
            } catch (IllegalAccessException | IOException | RuntimeException e) {
                warnUncached(e);
                return false;
            }
        }
    }

    /** Lucene keeps these private: the tokenizer's Viterbi, its two dictionaries' FSTs, the FST inside. */
    private record Reflection(Field viterbi, Field systemFst, Field userFst, Field fstOf) {
        static final Optional<Reflection> FIELDS = find();

        private static Optional<Reflection> find() {
            try {
                var r = new Reflection(JapaneseTokenizer.class.getDeclaredField("viterbi"),
                        Viterbi.class.getDeclaredField("fst"), Viterbi.class.getDeclaredField("userFST"),
                        TokenInfoFST.class.getDeclaredField("fst"));
                for (var field : new Field[] {r.viterbi, r.systemFst, r.userFst, r.fstOf}) field.setAccessible(true);
                return Optional.of(r);
            } catch (ReflectiveOperationException | RuntimeException e) {
                warnUncached(e);
                return Optional.empty();
            }
        }
    }
}
