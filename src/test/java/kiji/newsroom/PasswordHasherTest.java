package kiji.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void the_fixed_decoy_hash_costs_what_a_new_hash_costs_because_it_has_the_same_parameters() {
        var fresh = hasher.hash("a-new-password-1");
        assertThat(Argon2Function.getInstanceFromHash(PasswordHasher.DECOY)).isEqualTo(PasswordHasher.parameters());
        assertThat(Argon2Function.getInstanceFromHash(fresh)).isEqualTo(Argon2Function.getInstanceFromHash(PasswordHasher.DECOY));
    }

    @Test
    void the_decoy_is_a_real_argon2id_hash_that_a_decoy_check_still_answers_false_for() {
        assertThat(hasher.verify("kiji-decoy-password", PasswordHasher.DECOY)).isTrue();
        assertThat(hasher.decoy("kiji-decoy-password")).isFalse();
        assertThat(hasher.verify("something-else", PasswordHasher.DECOY)).isFalse();
    }
}
