package kiji.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import kiji.newsroom.Role;
import kiji.newsroom.Users;
import kiji.storage.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiji user add/disable}: the password comes from stdin, bad input exits 2 with a reason. */
class UserCommandTest {
    @TempDir
    Path dir;

    private final InputStream realIn = System.in;
    private final StringWriter err = new StringWriter();

    @AfterEach
    void restoreStdin() {
        System.setIn(realIn);
    }

    private int run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        var cl = KijiCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void user_add_reads_the_password_from_stdin_and_stores_an_admin() {
        int code = run("パスワードは十分に長い\n", "user", "add", "--role", "admin", "--password-stdin",
                "--data", dir.toString(), "chief");
        assertThat(code).isZero();
        try (var db = Database.sqlite(dir)) {
            var users = new Users(db.jdbi(), Clock.systemUTC());
            assertThat(users.authenticate("chief", "パスワードは十分に長い")).get()
                    .extracting(u -> u.role()).isEqualTo(Role.ADMIN);
        }
    }

    @Test
    void an_unknown_role_exits_2_naming_the_option() {
        int code = run("long enough password\n", "user", "add", "--role", "boss", "--data", dir.toString(), "chief");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--role");
    }

    @Test
    void a_short_password_or_bad_name_exits_2_with_the_field() {
        assertThat(run("short\n", "user", "add", "--role", "editor", "--password-stdin", "--data", dir.toString(),
                "sato")).isEqualTo(2);
        assertThat(err.toString()).contains("password");
        assertThat(run("long enough password\n", "user", "add", "--role", "editor", "--password-stdin",
                "--data", dir.toString(), "Sato San")).isEqualTo(2);
        assertThat(err.toString()).contains("username");
    }

    @Test
    void user_disable_of_an_unknown_user_exits_2() {
        assertThat(run("", "user", "disable", "--data", dir.toString(), "ghost")).isEqualTo(2);
        assertThat(err.toString()).contains("ghost");
        run("long enough password\n", "user", "add", "--role", "writer", "--password-stdin", "--data", dir.toString(),
                "kato");
        assertThat(run("", "user", "disable", "--data", dir.toString(), "kato")).isZero();
    }
}
