package kiji.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kiji.newsroom.ApiTokens;
import kiji.storage.Database;
import kiji.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiji} as an operator runs it: a separate JVM on Kiji's classpath, with KIJI_*
 * variables in its environment (picocli reads them from the real environment, which a test
 * cannot change in its own JVM).
 */
class KijiProcessTest {
    @TempDir
    Path dir;

    record Exit(int code, String out, String err) {}

    static ProcessBuilder kiji(Map<String, String> env, String... args) {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                "kiji.app.Main"));
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("KIJI_"));
        pb.environment().putAll(env);
        return pb;
    }

    static Exit run(Map<String, String> env, String... args) throws Exception {
        var pb = kiji(env, args);
        var out = Files.createTempFile("kiji-out", ".txt");
        var err = Files.createTempFile("kiji-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        var p = pb.start();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("kiji " + String.join(" ", args) + " ends").isTrue();
            return new Exit(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void token_create_honours_kiji_data() throws Exception {
        var data = dir.resolve("from-env");
        var exit = run(Map.of("KIJI_DATA", data.toString()), "token", "create", "--name", "env");
        assertThat(exit.code()).as(exit.err()).isZero();
        var token = exit.out().strip();
        assertThat(token).matches("kiji_[0-9a-f]{64}");
        try (var db = Database.sqlite(data)) {
            assertThat(new ApiTokens(db.jdbi(), MutableClock.at("2024-10-21T02:00:00Z")).verify(token)).isTrue();
        }
    }

    @Test
    void serve_honours_kiji_host_port_data_and_site_name() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var data = dir.resolve("served");
        var log = dir.resolve("serve.log");
        var p = kiji(Map.of("KIJI_DATA", data.toString(), "KIJI_HOST", "127.0.0.1", "KIJI_PORT", Integer.toString(port),
                        "KIJI_SITE_NAME", "テスト防衛新聞"), "serve")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            var http = kiji.testing.TestKiji.http11();
            var deadline = Instant.now().plus(Duration.ofSeconds(90));
            HttpResponse<String> home = null;
            while (home == null && Instant.now().isBefore(deadline) && p.isAlive()) {
                try {
                    home = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(home).as(Files.readString(log)).isNotNull();
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("テスト防衛新聞");
            assertThat(data.resolve("kiji.db")).exists();
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    @Test
    void opening_the_search_index_writes_no_notice_about_the_vector_api() throws Exception {
        var exit = run(Map.of("KIJI_DATA", dir.resolve("site").toString()), "search", "reindex");
        assertThat(exit.code()).as(exit.err()).isZero();
        assertThat(exit.err()).contains("search index").doesNotContain("Vector API", "WARNING");
    }

    @Test
    void an_unreachable_database_from_kiji_db_url_stops_startup_with_exit_1() throws Exception {
        var exit = run(Map.of("KIJI_DB_URL", "jdbc:postgresql://127.0.0.1:1/x", "KIJI_PORT", "0",
                "KIJI_DATA", dir.toString()), "serve");
        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.err()).contains("kiji: cannot open the database jdbc:postgresql://127.0.0.1:1/x");
    }

    @Test
    void a_bad_value_in_the_environment_exits_2() throws Exception {
        var exit = run(Map.of("KIJI_PORT", "abc", "KIJI_DATA", dir.toString()), "serve");
        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.err().strip()).doesNotContain("\n").contains("--port").contains("abc");
    }

    @Test
    void a_data_folder_that_is_a_file_stops_startup_with_exit_1() throws Exception {
        var file = Files.writeString(dir.resolve("plain-file"), "x", StandardCharsets.UTF_8);
        var exit = run(Map.of("KIJI_DATA", file.toString(), "KIJI_PORT", "0"), "serve");
        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.err()).contains("kiji: the data folder " + file + " is a file, not a folder");
    }
}
