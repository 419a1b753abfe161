package kiji.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import kiji.app.Config;
import kiji.app.Kiji;
import kiji.backup.SiteBackup;
import kiji.media.MediaStoreException;
import kiji.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiji backup --to FILE.tar.gz}: the site's database (SQLite), photos and user dictionary, while it runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a backup while the server runs: a consistent copy of the SQLite database (SQLite's online",
                "backup), every photo (DATA/media or the S3 bucket of KIJI_MEDIA_URL) and DATA/userdict.txt.",
                "On PostgreSQL the database is not included: back it up with pg_dump (docs/operations.md).",
                "Restore with: kiji restore FILE.tar.gz --data EMPTY_DIR"})
final class BackupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--to", required = true, paramLabel = "FILE.tar.gz", description = "the archive to write (must not exist)")
    Path to;

    @Override
    public Integer call() {
        var config = data.config("127.0.0.1", 0, false);
        if (Files.exists(to)) throw new CliException(2, "--to: " + to + " already exists; name a new file");
        var parent = to.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) throw new CliException(2, "--to: no folder " + parent);
        var database = sqliteFile(config);
        if (database.isPresent() && !Files.isRegularFile(database.get())) {
            throw new CliException(2, "--data: no Kiji database at " + database.get().toAbsolutePath());
        }
        var out = spec.commandLine().getOut();
        try (var media = Kiji.openMedia(config)) {
            var report = new SiteBackup(Clock.systemUTC()).write(database, media, config.dataDir().resolve("userdict.txt"), to);
            out.printf("backup %s: database %s, %d photo files (%d bytes), user dictionary %s; %d bytes%n", to,
                    report.database() ? "included" : "NOT included", report.photoFiles(), report.photoBytes(),
                    report.userDictionary() ? "included" : "none", report.archiveBytes());
            if (!report.database()) {
                out.println("the database is PostgreSQL: back it up with pg_dump -Fc (see docs/operations.md)");
            }
            out.flush();
            return 0;
        } catch (MediaStoreException | StorageException | UncheckedIOException e) {
            throw new CliException(1, e.getMessage());
        }
    }

    /** The SQLite file to copy: DATA/kiji.db, or a {@code jdbc:sqlite:} URL's; empty on PostgreSQL. */
    static Optional<Path> sqliteFile(Config config) {
        if (config.dbUrl().isEmpty()) return Optional.of(config.dataDir().resolve("kiji.db"));
        var url = config.dbUrl().get();
        if (!url.startsWith("jdbc:sqlite:")) return Optional.empty();
        var path = url.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        return Optional.of(Path.of(query < 0 ? path : path.substring(0, query)));
    }
}
