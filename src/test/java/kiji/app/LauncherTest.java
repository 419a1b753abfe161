package kiji.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code ./kiji} launcher, run from a copy beside an empty jar: its choice of JDK, with
 * stand-in JDKs whose {@code java} says which one ran (a JDK counts when its major version, from
 * its {@code release} file or else from {@code java -version}, is 21 or newer), and the runtime
 * it links from the real JDK for {@code serve}.
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

    @Test
    void serve_runs_on_a_runtime_linked_from_the_jdk_with_japanese_and_english_locale_data() throws Exception {
        var jdk = Path.of(System.getProperty("java.home"));
        var site = site();
        // -XshowSettings prints java.home before the (empty) jar's missing main class ends the run
        var run = run(site, Map.of("JAVA_HOME", jdk.toString(), "KIJI_CDS", "off",
                "KIJI_JAVA_OPTS", "-XshowSettings:properties"), "serve", "--help");
        var runtime = site.resolve("target/runtime");
        if (Files.exists(site.resolve("target/runtime.failed"))) { // a JDK that cannot link (JDK 21-23 without jmods)
            assertThat(run).contains("serving on the JDK itself").contains("java.home = " + jdk);
            return;
        }
        assertThat(run).contains("linking a Java runtime").contains("java.home = " + runtime);
        var era = Files.writeString(dir.resolve("Era.java"), """
                public class Era {
                    public static void main(String[] a) {
                        System.out.println(java.time.format.DateTimeFormatter.ofPattern("GGGGy年M月d日(E)", java.util.Locale.JAPAN)
                                .withChronology(java.time.chrono.JapaneseChronology.INSTANCE)
                                .format(java.time.LocalDate.of(2024, 10, 17)));
                        System.out.println(java.util.Locale.getAvailableLocales().length);
                    }
                }
                """);
        var p = new ProcessBuilder(runtime.resolve("bin/java").toString(), "-Dstdout.encoding=UTF-8", era.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        var lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines[0]).isEqualTo("令和6年10月17日(木)");
        assertThat(Integer.parseInt(lines[1].strip())).isBetween(2, 300); // the JDK has over 1,000

        // linked once: the next start uses it as it is
        var again = run(site, Map.of("JAVA_HOME", jdk.toString(), "KIJI_CDS", "off",
                "KIJI_JAVA_OPTS", "-XshowSettings:properties"), "serve", "--help");
        assertThat(again).doesNotContain("linking a Java runtime").contains("java.home = " + runtime);
        // KIJI_RUNTIME=jdk serves on the JDK itself
        var onJdk = run(site, Map.of("JAVA_HOME", jdk.toString(), "KIJI_CDS", "off", "KIJI_RUNTIME", "jdk",
                "KIJI_JAVA_OPTS", "-XshowSettings:properties"), "serve", "--help");
        assertThat(onJdk).contains("java.home = " + jdk);
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

    private String launch(Path javaHome) throws Exception {
        return run(site(), Map.of("JAVA_HOME", javaHome.toString()), "--version");
    }

    /** A copy of ./kiji beside a jar that is up to date (and empty). */
    private Path site() throws IOException {
        var site = Files.createDirectories(dir.resolve("site/target")).getParent();
        Files.copy(Path.of("kiji"), site.resolve("kiji"));
        Files.writeString(site.resolve("target/kiji.jar"), "");
        return site;
    }

    /** Runs the site's ./kiji with only these KIJI_* variables; returns its stdout and stderr. */
    private String run(Path site, Map<String, String> env, String... args) throws Exception {
        var command = new ArrayList<>(List.of("bash", site.resolve("kiji").toString()));
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("KIJI_"));
        pb.environment().put("HOME", dir.toString());
        pb.environment().putAll(env);
        var p = pb.start();
        var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
