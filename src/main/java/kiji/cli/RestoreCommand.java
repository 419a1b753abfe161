package kiji.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kiji.app.Kiji;
import kiji.article.ArticleStore;
import kiji.backup.SiteRestore;
import kiji.search.JapaneseAnalysis;
import kiji.search.LuceneSearchIndex;
import kiji.search.StoredArticles;
import kiji.search.UserDictionaries;
import kiji.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiji restore FILE.tar.gz --data EMPTY_DIR}: a {@code kiji backup} back into a new data folder. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a kiji backup into an empty data folder (the database, DATA/media and DATA/userdict.txt)",
                "and rebuild the search index. Photos come back into DATA/media; a site on S3 copies them to its",
                "bucket with kiji media migrate. A PostgreSQL site restores its database with pg_restore first."})
final class RestoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.tar.gz", description = "an archive written by kiji backup")
    Path archive;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        var config = data.config("127.0.0.1", 0, false);
        if (!Files.isRegularFile(archive)) throw new CliException(2, "FILE.tar.gz: no file " + archive);
        var dir = config.dataDir();
        if (!isEmptyOrMissing(dir)) {
            throw new CliException(2, "--data: " + dir.toAbsolutePath() + " is not empty; restore only into an empty folder");
        }
        var out = spec.commandLine().getOut();
        SiteRestore.Report report;
        try {
            report = SiteRestore.unpack(archive, dir);
        } catch (SiteRestore.NotABackup e) {
            throw new CliException(2, e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CliException(1, e.getMessage());
        }
        out.printf("restored into %s: database %s, %d photo files, user dictionary %s%n", dir.toAbsolutePath(),
                report.database() ? "kiji.db" : "not in the archive", report.photoFiles(),
                report.userDictionary() ? "userdict.txt" : "none");
        config.media().s3().ifPresent(s3 -> out.printf("this site keeps photos in %s: copy them there with "
                + "kiji media migrate --to %s --data %s%n", s3.url(), s3.url(), dir));
        if (!report.database() && config.dbUrl().isEmpty()) {
            out.println("the archive holds no database (a PostgreSQL site): pg_restore it, then run "
                    + "kiji search reindex --db-url … --data " + dir);
            out.flush();
            return 0;
        }
        try (var db = Kiji.openDatabase(config)) {
            var articles = new ArticleStore(db.jdbi(), db.dialect());
            var analysis = new JapaneseAnalysis(UserDictionaries.load(dir.resolve("userdict.txt")));
            long started = System.nanoTime();
            long n = LuceneSearchIndex.rebuildOffline(dir.resolve("index"), analysis, new StoredArticles(articles), articles::find);
            out.printf("search index rebuilt: %d articles in %d ms%n", n, (System.nanoTime() - started) / 1_000_000);
        } catch (StorageException e) {
            throw new CliException(1, "restored, but cannot open the database to rebuild the search index: " + e.getMessage());
        }
        out.flush();
        return 0;
    }

    private static boolean isEmptyOrMissing(Path dir) {
        if (!Files.exists(dir)) return true;
        if (!Files.isDirectory(dir)) return false;
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new CliException(1, "cannot read " + dir + ": " + e.getMessage());
        }
    }
}
