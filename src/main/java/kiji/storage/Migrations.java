package kiji.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Whether a database already has every migration Kiji ships, found without Flyway: starting
 * Flyway to learn that the schema is current loads about 400 classes and scans the classpath,
 * over a second of CPU before the first page (docs/benchmarks.md). When anything is missing or
 * unusual (a migration not applied, a failed one, a repeatable one, no history table) Flyway
 * runs exactly as before and has the last word.
 */
final class Migrations {
    /** Flyway's versioned file names: {@code V1__x.sql}, {@code V1.2__x.sql}, {@code V1_2__x.sql}. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.+");

    /** Kiji's own migrations, and the list of their file names ({@code DatabaseTest} keeps it true). */
    static final String SHIPPED = "db/migration";
    static final String SHIPPED_INDEX = "/kiji/storage/shipped-migrations.txt";

    private final List<String> locations;

    /** @param locations classpath folders, as given to Flyway without {@code classpath:} */
    Migrations(List<String> locations) {
        this.locations = List.copyOf(locations);
    }

    List<String> flywayLocations() {
        return locations.stream().map(l -> "classpath:" + l).toList();
    }

    /** True when the history lists every shipped migration as applied successfully. */
    boolean current(DataSource dataSource) {
        var names = shippedFileNames();
        if (names.stream().anyMatch(n -> n.startsWith("R__"))) return false; // repeatables may need a rerun
        Set<String> shipped = new HashSet<>();
        for (var n : names) {
            var m = VERSIONED.matcher(n);
            if (m.matches()) shipped.add(normalized(m.group(1)));
        }
        if (shipped.isEmpty()) return false;
        Set<String> applied = new HashSet<>();
        try (var c = dataSource.getConnection();
             var s = c.createStatement();
             var rs = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) return false; // a failed migration: Flyway reports it
                var version = rs.getString(1);
                if (version != null) applied.add(normalized(version));
            }
        } catch (SQLException e) {
            return false; // no history yet (a new database), or one Flyway must look at
        }
        return applied.containsAll(shipped);
    }

    /** "1.0" and "1" are the same version to Flyway; "1_1" is "1.1". */
    static String normalized(String version) {
        var parts = new ArrayList<BigInteger>();
        for (var p : version.strip().split("[._]")) parts.add(new BigInteger(p));
        while (parts.size() > 1 && parts.getLast().signum() == 0) parts.removeLast();
        return String.join(".", parts.stream().map(BigInteger::toString).toList());
    }

    /** The file names in every location: Kiji's own from their list, others by {@link #scannedFileNames}. */
    List<String> shippedFileNames() {
        if (locations.equals(List.of(SHIPPED))) {
            // the list written beside them: listing a folder of the jar walks all its ~18,000 entries
            try (var index = Migrations.class.getResourceAsStream(SHIPPED_INDEX)) {
                if (index != null) {
                    return new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                            .filter(l -> !l.isEmpty()).toList();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scannedFileNames();
    }

    /** The files in the locations' folders, found by listing them (a folder or the jar). */
    List<String> scannedFileNames() {
        var names = new ArrayList<String>();
        try {
            for (var location : locations) {
                for (URL url : Collections.list(Migrations.class.getClassLoader().getResources(location))) {
                    names.addAll(list(url, location));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static List<String> list(URL url, String location) throws IOException {
        switch (url.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    return files.map(p -> p.getFileName().toString()).toList();
                } catch (URISyntaxException e) {
                    throw new IOException(e);
                }
            }
            case "jar" -> {
                var prefix = location.endsWith("/") ? location : location + "/";
                var connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(true); // the class loader's own open jar
                return connection.getJarFile().stream()
                        .map(e -> e.getName())
                        .filter(n -> n.startsWith(prefix) && n.length() > prefix.length()
                                && n.indexOf('/', prefix.length()) < 0)
                        .map(n -> n.substring(prefix.length()))
                        .toList();
            }
            default -> {
                return List.of("R__unknown_location"); // cannot list it: let Flyway decide
            }
        }
    }
}
