package kiji.search;

import java.io.IOException;
import java.lang.reflect.Field;
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
 * <p>One cache serves every tokenizer of a {@link JapaneseAnalysis}, on any thread, without a
 * lock: a slot holds an immutable {@link Entry}, published through its final fields, and a
 * lookup that finds another key in its slot decodes the arc and takes the slot. The cache is
 * bounded ({@code 2^bits} slots, about 70 bytes each when full).
 */
final class CachedDictionaryArcs extends TokenInfoFST {
    private static final Logger log = LoggerFactory.getLogger(CachedDictionaryArcs.class);
    /** Where Lucene's root-arc array starts (both Japanese dictionaries); see {@link #rootCeiling}. */
    private static final int ROOT_FLOOR = 0x3040;
    /** The last character of Lucene's root-arc array: system dictionary (kanji included), user dictionaries (kana). */
    static final int SYSTEM_ROOT_CEILING = 0x9FFF;
    static final int USER_ROOT_CEILING = 0x30FF;

    /** {@code arc} is null when no arc leaves the node with that label. */
    private record Entry(long key, FST.Arc<Long> arc) {}

    private final TokenInfoFST lucene;
    private final int rootCeiling;
    private final Entry[] slots;
    private final int shift;

    private CachedDictionaryArcs(TokenInfoFST lucene, FST<Long> fst, int rootCeiling, int bits) throws IOException {
        super(fst, 0, 0); // the base class's root array: one slot, never read
        this.lucene = lucene;
        this.rootCeiling = rootCeiling;
        this.slots = new Entry[1 << bits];
        this.shift = Long.SIZE - bits;
    }

    /** A cache of {@code 2^bits} slots in front of Lucene's {@code lucene}; empty when Lucene's internals refuse it. */
    @SuppressWarnings("unchecked")
    static Optional<CachedDictionaryArcs> of(TokenInfoFST lucene, int rootCeiling, int bits) {
        if (lucene instanceof CachedDictionaryArcs cached) return Optional.of(cached);
        try {
            var fst = (FST<Long>) Reflection.FIELDS.orElseThrow().fstOf().get(lucene);
            return Optional.of(new CachedDictionaryArcs(lucene, fst, rootCeiling, bits));
        } catch (IllegalAccessException | IOException | RuntimeException e) {
            log.warn("search: Kuromoji's dictionary lookups are not cached ({}); analysis is slower", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public FST.Arc<Long> findTargetArc(int ch, FST.Arc<Long> follow, FST.Arc<Long> arc, boolean useCache,
                                       FST.BytesReader in) throws IOException {
        if (useCache && ch >= ROOT_FLOOR && ch <= rootCeiling) return lucene.findTargetArc(ch, follow, arc, true, in);
        // the tokenizer passes the same object as follow and arc: read the node before the lookup
        long key = follow.target() << Character.SIZE | ch; // node addresses stay far below 2^47
        int slot = (int) (key * 0x9E3779B97F4A7C15L >>> shift);
        var entry = slots[slot];
        if (entry != null && entry.key() == key) return entry.arc() == null ? null : arc.copyFrom(entry.arc());
        var found = lucene.findTargetArc(ch, follow, arc, false, in);
        slots[slot] = new Entry(key, found == null ? null : new FST.Arc<Long>().copyFrom(found));
        return found;
    }

    @Override
    public FST.Arc<Long> getFirstArc(FST.Arc<Long> arc) {
        return lucene.getFirstArc(arc);
    }

    @Override
    public FST.BytesReader getBytesReader() {
        return lucene.getBytesReader();
    }

    /** The dictionaries of one {@link JapaneseAnalysis}, cached, and how to hand them to its tokenizers. */
    static final class Installer {
        private final CachedDictionaryArcs system;
        private final CachedDictionaryArcs user;

        private Installer(CachedDictionaryArcs system, CachedDictionaryArcs user) {
            this.system = system;
            this.user = user;
        }

        /**
         * Caches for a tokenizer made like {@code sample} (same user dictionary); empty, with a
         * warning, when Lucene's internals no longer allow it (tokenizers then use Lucene's FSTs).
         */
        static Optional<Installer> forTokenizersLike(JapaneseTokenizer sample) {
            var fields = Reflection.FIELDS;
            if (fields.isEmpty()) return Optional.empty();
            try {
                var f = fields.get();
                var viterbi = f.viterbi().get(sample);
                var system = of((TokenInfoFST) f.systemFst().get(viterbi), SYSTEM_ROOT_CEILING, 15);
                var userFst = (TokenInfoFST) f.userFst().get(viterbi);
                var user = userFst == null ? Optional.<CachedDictionaryArcs>empty() : of(userFst, USER_ROOT_CEILING, 12);
                if (system.isEmpty() || (userFst != null && user.isEmpty())) return Optional.empty();
                return Optional.of(new Installer(system.get(), user.orElse(null)));
            } catch (IllegalAccessException | RuntimeException e) {
                log.warn("search: Kuromoji's dictionary lookups are not cached ({}); analysis is slower", e.toString());
                return Optional.empty();
            }
        }

        /** Makes {@code tokenizer} look its words up through the caches. Call before it is used. */
        boolean install(JapaneseTokenizer tokenizer) {
            var f = Reflection.FIELDS.orElseThrow();
            try {
                var viterbi = f.viterbi().get(tokenizer);
                f.systemFst().set(viterbi, system);
                if (user != null) f.userFst().set(viterbi, user);
                return true;
            } catch (IllegalAccessException | RuntimeException e) {
                log.warn("search: Kuromoji's dictionary lookups are not cached ({}); analysis is slower", e.toString());
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
                log.warn("search: Kuromoji's dictionary lookups are not cached ({}); analysis is slower", e.toString());
                return Optional.empty();
            }
        }
    }
}
