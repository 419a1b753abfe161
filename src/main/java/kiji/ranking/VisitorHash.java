package kiji.ranking;

/**
 * SipHash-2-4, a keyed hash made for short inputs: with a secret key it cannot be inverted or
 * recomputed by anyone who lacks the key, which is what lets a visitor id exist without
 * storing an IP address. Fed UTF-16 code units directly, so hashing allocates nothing.
 */
final class VisitorHash {
    private VisitorHash() {}

    static long hash(long k0, long k1, String ip, String userAgent) {
        return hash(k0, k1, ip, digest(userAgent));
    }

    /**
     * The keyed hash of the IP and a digest of the User-Agent. The User-Agent is not the secret
     * part (the IP is), and real traffic repeats a few thousand of them, so their 64-bit digest
     * can be cached and the keyed hash runs over a dozen characters instead of a hundred.
     */
    static long hash(long k0, long k1, String ip, long userAgentDigest) {
        var s = new State(k0, k1);
        s.chars(ip);
        s.word(0xFFFFL); // separator: no IP character is U+FFFF
        s.word(userAgentDigest & 0xFFFF);
        s.word(userAgentDigest >>> 16 & 0xFFFF);
        s.word(userAgentDigest >>> 32 & 0xFFFF);
        s.word(userAgentDigest >>> 48);
        return s.finish();
    }

    /** An unkeyed 64-bit digest (FNV-1a over UTF-16 units, then a final mix). */
    static long digest(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x100000001b3L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    private static final class State {
        long v0, v1, v2, v3;
        long pending;
        int pendingChars;
        long words;

        State(long k0, long k1) {
            v0 = k0 ^ 0x736f6d6570736575L;
            v1 = k1 ^ 0x646f72616e646f6dL;
            v2 = k0 ^ 0x6c7967656e657261L;
            v3 = k1 ^ 0x7465646279746573L;
        }

        void chars(String s) {
            for (int i = 0; i < s.length(); i++) {
                pending |= (long) s.charAt(i) << (16 * pendingChars);
                if (++pendingChars == 4) {
                    compress(pending);
                    pending = 0;
                    pendingChars = 0;
                }
            }
        }

        void word(long w) {
            pending |= w << (16 * pendingChars);
            if (++pendingChars == 4) {
                compress(pending);
                pending = 0;
                pendingChars = 0;
            }
        }

        private void compress(long m) {
            words++;
            v3 ^= m;
            round();
            round();
            v0 ^= m;
        }

        long finish() {
            long last = pending | ((words * 4 + pendingChars) & 0xFFFFL) << 48;
            compress(last);
            v2 ^= 0xff;
            round();
            round();
            round();
            round();
            return v0 ^ v1 ^ v2 ^ v3;
        }

        private void round() {
            v0 += v1;
            v1 = Long.rotateLeft(v1, 13);
            v1 ^= v0;
            v0 = Long.rotateLeft(v0, 32);
            v2 += v3;
            v3 = Long.rotateLeft(v3, 16);
            v3 ^= v2;
            v0 += v3;
            v3 = Long.rotateLeft(v3, 21);
            v3 ^= v0;
            v2 += v1;
            v1 = Long.rotateLeft(v1, 17);
            v1 ^= v2;
            v2 = Long.rotateLeft(v2, 32);
        }
    }
}
