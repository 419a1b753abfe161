package kiji.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import kiji.app.Config;
import kiji.storage.Database;
import kiji.testing.MutableClock;
import kiji.testing.TestKiji;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The picocli commands run in this JVM, with their output captured and exit codes returned. */
class KijiCommandTest {
    record Run(int code, String out, String err) {}

    @TempDir
    Path dir;

    static Run kiji(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cl = KijiCommand.commandLine(args); // what Main runs: only the command named
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void a_training_run_serves_a_fresh_demo_folder_fetches_the_first_pages_and_stops() throws Exception {
        var data = dir.resolve("training");
        var run = kiji("serve", "--training-run", "--demo", "--data", data.toString(), "--host", "127.0.0.1",
                "--port", "0");
        assertThat(run.code()).as(run.err()).isZero();
        // it stopped: the folder's locks are free, so a second server can use the folder at once
        var again = kiji("serve", "--training-run", "--data", data.toString(), "--host", "127.0.0.1", "--port", "0");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(kiji("serve", "--help").out()).doesNotContain("--training-run");
    }

    @Test
    void help_is_everywhere_and_exits_0() {
        var root = kiji("--help");
        assertThat(root.code()).isZero();
        assertThat(root.out()).contains("serve", "token");
        var serve = kiji("serve", "--help");
        assertThat(serve.code()).isZero();
        assertThat(serve.out()).contains("--data", "--host", "--port", "--demo", "KIJI_DATA", "KIJI_PORT", "KIJI_DB_URL");
        var token = kiji("token", "create", "--help");
        assertThat(token.code()).isZero();
        assertThat(token.out()).contains("--name", "--data");
        assertThat(kiji("help", "serve").code()).isZero();
        assertThat(kiji("token", "--help").code()).isZero();
        assertThat(kiji("--version").out()).contains("Kiji");
    }

    @ParameterizedTest(name = "kiji {0} builds only that command, with the same options and help")
    @CsvSource({"serve", "token", "user", "views", "ranking", "search", "import", "media", "backup", "restore"})
    void a_named_subcommand_is_built_alone_and_answers_as_in_the_full_tree(String name) {
        var alone = KijiCommand.commandLine(name, "--help");
        assertThat(alone.getSubcommands()).containsOnlyKeys(name);
        var full = KijiCommand.commandLine().getSubcommands().get(name);
        assertThat(alone.getSubcommands().get(name).getUsageMessage()).isEqualTo(full.getUsageMessage());
        assertThat(KijiCommand.commandLine("--help").getSubcommands()).containsOnlyKeys(
                "serve", "token", "user", "views", "ranking", "search", "import", "media", "backup", "restore", "help");
        assertThat(KijiCommand.commandLine("help", name).getSubcommands()).hasSize(11);
    }

    @ParameterizedTest(name = "kiji {0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "serve --port abc            | 'abc'",
        "serve --port 70000          | --port must be 0..65535",
        "serve --port -1             | --port must be 0..65535",
        "serve --bogus               | --bogus",
        "serve --demo=maybe          | maybe",
        "serve extra                 | extra",
        "nothing                     | nothing",
        "''                          | a command is required",
        "token                       | a subcommand is required",
        "token create                | --name",
        "token create --name         | --name",
        "serve --permalink /{id}     | --permalink",
        "serve --permalink /docs/{x}/{id} | --permalink",
        "serve --db-url mysql://db/x | --db-url must start with jdbc:postgresql:",
    })
    void a_bad_option_exits_2_with_a_one_line_reason(String args, String reason) {
        var run = kiji(args.isEmpty() ? new String[0] : args.split(" "));
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains(reason).startsWith("kiji");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void a_created_token_works_against_a_server_on_the_same_data_folder() throws Exception {
        var data = dir.resolve("site");
        var run = kiji("token", "create", "--name", "import-script", "--data", data.toString());
        assertThat(run.code()).as(run.err()).isZero();
        var token = run.out().strip();
        assertThat(token).matches("kiji_[0-9a-f]{64}");
        assertThat(run.err()).contains("import-script", "cannot be shown again");
        assertThat(Files.readString(data.resolve("kiji.db"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(token);

        var again = kiji("token", "create", "--name", "import-script", "--data", data.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err().strip()).isEqualTo("kiji: --name: a token named 'import-script' already exists");

        try (var app = TestKiji.start(Config.defaults(data), Database.sqlite(data), MutableClock.at("2024-10-21T02:00:00Z"))) {
            var res = app.send(HttpRequest.newBuilder(URI.create(app.url("/api/admin/articles")))
                    .header("Authorization", "Bearer " + token).build());
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(app.kiji.tokens.list().getFirst().lastUsedAt()).isPresent();
        }
    }

    @Test
    void a_data_folder_that_is_a_file_stops_with_a_clear_message() throws Exception {
        var file = Files.writeString(dir.resolve("not-a-folder"), "x");
        for (var args : new String[][] {{"serve", "--port", "0", "--data", file.toString()},
            {"token", "create", "--name", "x", "--data", file.toString()}}) {
            var run = kiji(args);
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err().strip()).doesNotContain("\n").startsWith("kiji: ").contains(file.toString())
                    .contains("not a folder");
        }
    }

    @Test
    void a_data_folder_inside_a_file_stops_with_a_clear_message() throws Exception {
        var file = Files.writeString(dir.resolve("file"), "x");
        var run = kiji("token", "create", "--name", "x", "--data", file.resolve("data").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("kiji: cannot create the data folder");
    }

    @Test
    void a_read_only_data_folder_stops_with_a_clear_message() throws Exception {
        var readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(readOnly),
                    "running as root, whom file permissions do not stop: a read-only folder cannot be made here");
            var run = kiji("token", "create", "--name", "x", "--data", readOnly.toString());
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err().strip()).isEqualTo("kiji: the data folder " + readOnly + " is not writable");
        } finally {
            Files.setPosixFilePermissions(readOnly, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void a_data_folder_whose_database_cannot_be_opened_stops_with_a_clear_message() throws Exception {
        // works as root too: no permission can make SQLite open a folder as its database file
        Files.createDirectories(dir.resolve("kiji.db"));
        var run = kiji("serve", "--port", "0", "--data", dir.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n")
                .startsWith("kiji: cannot open the database jdbc:sqlite:" + dir.resolve("kiji.db"));
    }

    @Test
    void an_unreachable_database_stops_startup_with_a_clear_message() {
        var run = kiji("serve", "--port", "0", "--db-url", "jdbc:postgresql://127.0.0.1:1/x?password=secret");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n", "secret")
                .startsWith("kiji: cannot open the database jdbc:postgresql://127.0.0.1:1/x?password=***")
                .containsIgnoringCase("refused");
    }
}
