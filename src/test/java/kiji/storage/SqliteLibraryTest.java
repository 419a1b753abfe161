package kiji.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteLibraryTest {
    @TempDir
    Path cache;

    @Test
    void the_library_is_written_once_with_the_jars_bytes_and_then_reused() throws Exception {
        var library = SqliteLibrary.cachedCopy(cache);

        assertThat(library.getParent().getFileName().toString()).startsWith("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
        try (var in = SQLiteJDBCLoader.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            assertThat(Files.readAllBytes(library)).isEqualTo(in.readAllBytes());
        }
        var written = Files.getLastModifiedTime(library);
        Files.setLastModifiedTime(library, java.nio.file.attribute.FileTime.fromMillis(written.toMillis() - 60_000));
        var marked = Files.getLastModifiedTime(library);

        assertThat(SqliteLibrary.cachedCopy(cache)).isEqualTo(library);
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(marked);
        try (var files = Files.list(library.getParent())) {
            assertThat(files).containsExactly(library); // no partial file left behind
        }
    }

    @Test
    void the_cache_folder_follows_xdg_cache_home_and_else_the_home_folder() {
        assertThat(SqliteLibrary.cacheRoot(Map.of("XDG_CACHE_HOME", cache.toString()))).hasValue(cache.resolve("kiji"));
        assertThat(SqliteLibrary.cacheRoot(Map.of("XDG_CACHE_HOME", "relative/path")))
                .hasValue(Path.of(System.getProperty("user.home"), ".cache", "kiji"));
        assertThat(SqliteLibrary.cacheRoot(Map.of())).hasValue(Path.of(System.getProperty("user.home"), ".cache", "kiji"));
    }

    @Test
    void a_database_opened_after_it_loads_the_cached_copy() throws Exception {
        try (var db = Database.sqlite(cache.resolve("data"))) {
            String version = db.jdbi().withHandle(h -> h.createQuery("SELECT sqlite_version()").mapTo(String.class).one());
            assertThat(version).isNotBlank();
        }
        var path = System.getProperty(SqliteLibrary.PATH_PROPERTY);
        assertThat(path).isNotNull();
        assertThat(Path.of(path, System.getProperty(SqliteLibrary.NAME_PROPERTY))).isRegularFile();
    }
}
