package kiji.cli;

import java.util.concurrent.Callable;
import kiji.app.Kiji;
import kiji.article.ArticleStore;
import kiji.search.IndexBusyException;
import kiji.search.JapaneseAnalysis;
import kiji.search.LuceneSearchIndex;
import kiji.search.StoredArticles;
import kiji.search.UserDictionaries;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kiji search reindex}: rebuilds the search index from the database. */
@Command(name = "search", mixinStandardHelpOptions = true, description = "The search index.",
        subcommands = {SearchCommand.Reindex.class})
final class SearchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: reindex");
    }

    @Command(name = "reindex", mixinStandardHelpOptions = true,
            description = {"Rebuild DATA/index from the database into a new folder and switch to it atomically.",
                    "Run it while the server is stopped; a running server holds the index, so rebuild through it",
                    "instead: POST /api/admin/search/reindex (it keeps answering searches meanwhile)."})
    static final class Reindex implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Override
        public Integer call() {
            var config = data.config("127.0.0.1", 0, false);
            try (var db = Kiji.openDatabase(config)) {
                var articles = new ArticleStore(db.jdbi(), db.dialect());
                var analysis = new JapaneseAnalysis(UserDictionaries.load(config.dataDir().resolve("userdict.txt")));
                long started = System.nanoTime();
                long n = LuceneSearchIndex.rebuildOffline(config.dataDir().resolve("index"), analysis,
                        new StoredArticles(articles), articles::find);
                System.out.printf("search index rebuilt: %d articles in %d ms%n", n, (System.nanoTime() - started) / 1_000_000);
                return 0;
            } catch (IndexBusyException e) {
                throw new CliException(1, e.getMessage()
                        + "; while the server runs, rebuild through it: POST /api/admin/search/reindex");
            }
        }
    }
}
