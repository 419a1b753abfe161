package kiji.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kiji serve} in a JVM of its own, for the tests that kill or signal a node: the test's
 * classpath, a 256 MB heap, loopback only, its output in {@code log}, none of the caller's
 * {@code KIJI_} settings.
 */
public final class ChildKiji {
    private ChildKiji() {}

    /** A free loopback port (closed again, for the child to bind). */
    public static int freePort() {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code kiji serve --data DATA --host 127.0.0.1 --port PORT} and any {@code extra} options. */
    public static Process serve(Path data, int port, Path log, String... extra) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "kiji.app.Main", "serve", "--data", data.toString(),
                "--host", "127.0.0.1", "--port", String.valueOf(port)));
        command.addAll(List.of(extra));
        var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("KIJI_"));
        return pb.start();
    }

    /** A client for the child: HTTP/1.1 (see {@link TestKiji#http11()}), two seconds to connect. */
    public static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }
}
