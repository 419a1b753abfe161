package kiji.newsroom;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id with OWASP's recommended floor (19 MiB, 2 passes, 1 lane). The parameters are
 * written into each hash, so raising them later still verifies old hashes.
 */
final class PasswordHasher {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    // Verified against when the user does not exist, so an unknown name costs as long as a known one.
    private static final String DECOY = ARGON2ID.hash("kiji-decoy-password").getResult();

    String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
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
