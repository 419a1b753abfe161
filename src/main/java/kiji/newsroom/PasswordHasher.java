package kiji.newsroom;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id with OWASP's recommended floor (19 MiB, 2 passes, 1 lane). The parameters are
 * written into each hash, so raising them later still verifies old hashes.
 */
final class PasswordHasher {
    /**
     * Verified against when the user does not exist, so an unknown name costs as long as a known
     * one. A fixed hash of a throwaway password, made with {@link #ARGON2ID}'s parameters (a test
     * checks they stay the same): computing it at start cost about a second of CPU before the
     * first page (docs/benchmarks.md), and a verification costs the same whatever the salt.
     */
    static final String DECOY = "$argon2id$v=19$m=19456,t=2,p=1$Qyijvcixc0R5azxmK2I/Vg$Vecks7ewd1mvxkP01wxlHEfuyWfuIGPylbIb/ZtOuLw";

    /** Made on first use: password4j reads its properties and builds tables the start does not need. */
    private static final class Argon2id {
        static final Argon2Function FUNCTION = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    }

    static Argon2Function parameters() {
        return Argon2id.FUNCTION;
    }

    String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(Argon2id.FUNCTION).getResult();
    }

    boolean verify(String password, String hash) {
        try {
            return Argon2Function.getInstanceFromHash(hash).check(password, hash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the time of one verification and answers false. */
    boolean decoy(String password) {
        verify(password, DECOY);
        return false;
    }
}
