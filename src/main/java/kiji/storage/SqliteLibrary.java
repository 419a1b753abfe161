package kiji.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, written once per sqlite-jdbc version into the user's cache
 * folder ({@code ~/.cache/kiji/sqlite-jdbc-VERSION-OS-ARCH/}) and loaded from there by every
 * later start. Left to itself, sqlite-jdbc writes the library under a new random name in the
 * temporary folder on every start and then compares it byte by byte with the jar's copy: a
 * visible share of the CPU spent before the first page (docs/benchmarks.md).
 *
 * <p>The copy is written under a temporary name and moved into place, so a half-written file
 * never carries the final name. An operator's own {@code org.sqlite.lib.path} wins; when the
 * cache folder cannot be written, sqlite-jdbc extracts the library as it always did.
 */
final class SqliteLibrary {
    private static final Logger log = LoggerFactory.getLogger(SqliteLibrary.class);
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteLibrary() {}

    /** Points sqlite-jdbc at the cached copy (writing it first if needed); a no-op once done or when set by hand. */
    static synchronized void useCachedCopy(Map<String, String> env) {
        if (System.getProperty(PATH_PROPERTY) != null) return;
        cacheRoot(env).ifPresent(root -> {
            try {
                var library = cachedCopy(root);
                System.setProperty(NAME_PROPERTY, library.getFileName().toString());
                System.setProperty(PATH_PROPERTY, library.getParent().toString());
            } catch (IOException | RuntimeException e) {
                log.debug("sqlite-jdbc's library cannot be cached under {} ({}); it extracts its own copy", root, e.toString());
            }
        });
    }

    /**
     * The library under {@code root}, written there if it is not yet. The folder is named from
     * the JVM's os.name and os.arch; sqlite-jdbc's own choice of library (which may run
     * {@code uname} to tell Android from Linux) is asked only when the copy is written.
     */
    static Path cachedCopy(Path root) throws IOException {
        var dir = root.resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-"
                + (System.getProperty("os.name") + "-" + System.getProperty("os.arch")).replaceAll("[^A-Za-z0-9_.-]", "_"));
        var name = LibraryLoaderUtil.getNativeLibName();
        var library = dir.resolve(name);
        if (!Files.isRegularFile(library)) {
            write(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name, dir, library); // /org/sqlite/native/Linux/x86_64
        }
        return library;
    }

    private static void write(String resource, Path dir, Path library) throws IOException {
        try (var in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("no " + resource + " in sqlite-jdbc's jar");
            Files.createDirectories(dir);
            var partial = Files.createTempFile(dir, library.getFileName().toString(), ".partial");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** $XDG_CACHE_HOME/kiji, else ~/.cache/kiji; none without a home folder. */
    static Optional<Path> cacheRoot(Map<String, String> env) {
        var xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Optional.of(Path.of(xdg, "kiji"));
        var home = System.getProperty("user.home");
        if (home == null || home.isBlank() || home.equals("?")) return Optional.empty();
        return Optional.of(Path.of(home, ".cache", "kiji"));
    }
}
