package kiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code ./kiji} launcher's choice of JDK, with stand-in JDKs whose {@code java} says which
 * one ran: a JDK counts when its major version, from its {@code release} file or else from
 * {@code java -version}, is 21 or newer.
 */
class LauncherTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "JAVA_HOME with release \"{0}\" / java -version \"{1}\" is used: {2}")
    @CsvSource(delimiter = '|', value = {
        "JAVA_VERSION=\"21.0.2\"  | 21.0.2     | true",
        "JAVA_VERSION=\"21\"      | 21         | true",
        "JAVA_VERSION=\"25.0.3\"  | 25.0.3     | true",
        "JAVA_VERSION=\"17.0.15\" | 17.0.15    | false",
        "                         | 22-ea      | true",
        "                         | 21.0.1+12  | true",
        "                         | 1.8.0_292  | false",
        "                         | 17         | false",
    })
    void java_home_counts_from_version_21(String releaseLine, String versionOutput, boolean used) throws Exception {
        var home = fakeJdk("jdk", releaseLine, versionOutput);
        var run = launch(home);
        var ran = "ran " + home.resolve("bin/java") + " ";
        if (used) {
            assertThat(run).startsWith(ran).endsWith(" -cp " + dir.resolve("site/target/kiji.jar") + " kiji.app.Main --version\n");
        } else {
            assertThat(run).doesNotContain(ran); // another JDK of the machine, or "no JDK 21 or newer found"
        }
    }

    /** A JDK folder whose bin/java prints its version for -version, else the command it was given. */
    private Path fakeJdk(String name, String releaseLine, String version) throws IOException {
        var home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        if (releaseLine != null) Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Kiji test\"\n" + releaseLine + "\n");
        executable(home.resolve("bin/java"), """
                #!/usr/bin/env bash
                for a in "$@"; do [ "$a" = -version ] && { echo 'openjdk version "%s" 2026-01-20' >&2; exit 0; }; done
                echo "ran $0 $*"
                """.formatted(version));
        executable(home.resolve("bin/javac"), "#!/usr/bin/env bash\n");
        return home;
    }

    /** Runs a copy of ./kiji, beside a jar that is up to date, with JAVA_HOME set; returns its stdout and stderr. */
    private String launch(Path javaHome) throws Exception {
        var site = Files.createDirectories(dir.resolve("site/target")).getParent();
        Files.copy(Path.of("kiji"), site.resolve("kiji"));
        Files.writeString(site.resolve("target/kiji.jar"), "");
        var pb = new ProcessBuilder("bash", site.resolve("kiji").toString(), "--version").redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("KIJI_"));
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().put("HOME", dir.toString());
        var p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
