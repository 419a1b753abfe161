package kiji.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kiji.app.Kiji;
import kiji.article.ArticleStore;
import kiji.ranking.ViewImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiji views import FILE}: history import for the most-read ranking. */
@Command(name = "views", mixinStandardHelpOptions = true, description = "Page views of the most-read ranking.",
        subcommands = {ViewsCommand.Import.class})
final class ViewsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: import");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import view history from a JSON Lines file, one line per view or group of views:",
                "{\"articleId\": N, \"at\": ISO instant, \"visitor\"?: string, \"userAgent\"?: string, \"views\"?: n >= 1}",
                "A file with any invalid line is rejected whole (exit 2, every bad line listed); nothing is counted."})
    static final class Import implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Parameters(paramLabel = "FILE", description = "the JSON Lines file (or CSV with --format wpp)")
        Path file;

        @picocli.CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
                description = {"jsonl (above) or wpp: WordPress Popular Posts' summary rows as CSV, a header naming",
                    "postid, pageviews and view_datetime; post ids are those `kiji import wordpress` imported.",
                    "Default: ${DEFAULT-VALUE}"})
        String format;

        @picocli.CommandLine.Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "Asia/Tokyo",
                description = "zone of wpp's view_datetime. Default: ${DEFAULT-VALUE}")
        String timezone;

        @Override
        public Integer call() {
            if (!Files.isReadable(file)) throw new CliException(2, "cannot read " + file);
            if (!format.equals("jsonl") && !format.equals("wpp")) {
                throw new CliException(2, "--format must be jsonl or wpp, not " + format);
            }
            var config = data.config("127.0.0.1", 0, false);
            if (format.equals("wpp")) return wpp(config);
            try (var db = Kiji.openDatabase(config)) {
                var importer = ViewImport.of(db.jdbi(), new ArticleStore(db.jdbi(), db.dialect()));
                var progress = new Progress(file, "checking");
                ViewImport.Summary s;
                try {
                    s = importer.run(file, progress::update);
                } catch (ViewImport.RejectedException e) {
                    throw rejected(progress, e);
                }
                progress.done();
                System.out.printf("{\"lines\":%d,\"counted\":%d,\"bots\":%d,\"repeats\":%d}%n",
                        s.lines(), s.counted(), s.bots(), s.repeats());
            }
            return 0;
        }

        /** Lists the bad lines on stderr; the exit code 2 to throw. */
        private static CliException rejected(Progress progress, ViewImport.RejectedException e) {
            progress.done();
            for (var error : e.errors()) System.err.println("line " + error.line() + ": " + error.reason());
            if (e.total() > e.errors().size()) {
                System.err.println("… and " + (e.total() - e.errors().size()) + " more invalid lines");
            }
            return new CliException(2, e.getMessage());
        }

        /**
         * {@code --format wpp}: the same rule and report (WordPress Popular Posts drops bots and
         * repeats itself, so both are 0), plus {@code unknown}: rows of posts never imported.
         */
        private int wpp(kiji.app.Config config) {
            java.time.ZoneId zone;
            try {
                zone = java.time.ZoneId.of(timezone);
            } catch (java.time.DateTimeException e) {
                throw new CliException(2, "--timezone: unknown zone " + timezone);
            }
            try (var db = Kiji.openDatabase(config)) {
                var importer = new kiji.importer.WppImport(new kiji.importer.SourceMap(db.jdbi()),
                        new kiji.ranking.HourBucketStore(db.jdbi()), zone);
                var progress = new Progress(file, "importing");
                kiji.importer.WppImport.Summary s;
                try {
                    s = importer.run(file, progress::update);
                } catch (ViewImport.RejectedException e) {
                    throw rejected(progress, e);
                }
                progress.done();
                if (s.unknownRows() > 0) {
                    System.err.println(s.unknownRows() + " rows (" + s.unknownViews()
                            + " views) of posts never imported were skipped");
                }
                System.out.printf("{\"lines\":%d,\"counted\":%d,\"bots\":0,\"repeats\":0,\"unknown\":%d}%n",
                        s.lines(), s.counted(), s.unknownRows());
            }
            return 0;
        }
    }

    /**
     * Progress on a terminal only, from 0 to 100 % per pass: jsonl checks, then imports; wpp
     * imports in one pass.
     */
    private static final class Progress {
        private final long size;
        private final String firstPass;
        private final boolean terminal = System.console() != null;
        private long lastPrint;
        private int pass = 1;
        private long lastBytes;

        Progress(Path file, String firstPass) {
            this.firstPass = firstPass;
            long s;
            try {
                s = Files.size(file);
            } catch (java.io.IOException e) {
                s = 0;
            }
            size = Math.max(1, s);
        }

        void update(long bytes) {
            if (bytes < lastBytes) pass = 2;
            lastBytes = bytes;
            long now = System.nanoTime();
            if (!terminal || now - lastPrint < 200_000_000L) return;
            lastPrint = now;
            System.err.printf("\r%s %3d%%", pass == 1 ? firstPass : "importing", Math.min(100, bytes * 100 / size));
        }

        void done() {
            if (terminal) System.err.print("\r              \r");
        }
    }
}
