package kiji.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import kiji.app.Kiji;
import kiji.article.ArticleService;
import kiji.article.ArticleStore;
import kiji.article.CategoryStore;
import kiji.article.MarkdownRenderer;
import kiji.article.Permalinks;
import kiji.importer.ImportException;
import kiji.importer.ImportReport;
import kiji.importer.ImportSource;
import kiji.importer.Importer;
import kiji.importer.MediaFolder;
import kiji.importer.MovableTypeReader;
import kiji.importer.OldUrlPattern;
import kiji.importer.PageSink;
import kiji.page.FixedPageDraft;
import kiji.page.FixedPageService;
import kiji.page.FixedPageStore;
import kiji.page.PageStatus;
import kiji.page.PagePath;
import kiji.importer.Redirects;
import kiji.importer.SourceMap;
import kiji.importer.WxrReader;
import kiji.newsroom.Photos;
import kiji.search.ChangeFeed;
import org.jdbi.v3.core.Handle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiji import wordpress|movabletype FILE}: moves a site's archive into Kiji. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a WordPress (WXR) or Movable Type export: all or nothing, again = update.",
        subcommands = {ImportCommand.WordPress.class, ImportCommand.MovableType.class})
final class ImportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: wordpress, movabletype");
    }

    /** What both formats share: the data folder, the file, the report. */
    abstract static class Common implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DataOptions data;

        @Parameters(paramLabel = "FILE", description = "the export file")
        Path file;

        @Option(names = "--dry-run", description = "read and check everything, report, write nothing")
        boolean dryRun;

        @Option(names = "--json", description = "print the report as one JSON object on stdout")
        boolean json;

        @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "Asia/Tokyo",
                description = "zone of dates written without one. Default: ${DEFAULT-VALUE}")
        String timezone;

        abstract ImportSource source(ZoneId zone);

        /** Warnings of this format's options, added to the report. */
        void noted(ImportReport report) {}

        /** {@code --media}, for the formats that have it; {@code err} takes its pass's progress bar. */
        Optional<MediaFolder> media(java.io.PrintWriter err) {
            return Optional.empty();
        }

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) throw new CliException(2, "cannot read " + file);
            ZoneId zone;
            try {
                zone = ZoneId.of(timezone);
            } catch (DateTimeException e) {
                throw new CliException(2, "--timezone: unknown zone " + timezone + " (e.g. Asia/Tokyo, UTC)");
            }
            var source = source(zone);
            var config = data.config("127.0.0.1", 0, false);
            var clock = Clock.systemUTC();
            var err = spec.commandLine().getErr();
            ImportReport report;
            try (var db = Kiji.openDatabase(config); var mediaStore = Kiji.openMedia(config);
                 var in = new Progress(file, err)) {
                var jdbi = db.jdbi();
                var permalinks = new Permalinks(config.permalinkPattern());
                var articles = new ArticleStore(jdbi, db.dialect());
                Consumer<Handle> notice = h -> db.dialect().notifyAtCommit(h, ChangeFeed.CHANNEL);
                articles.addWriteListener(ChangeFeed.recorder(clock, notice)); // running servers update their search index
                var categories = new CategoryStore(jdbi);
                var library = new LibraryPhotos(new Photos(jdbi, mediaStore, clock), "import:" + source.name());
                var service = new ArticleService(articles, categories, new MarkdownRenderer(), clock, library::find);
                var sources = new SourceMap(jdbi);
                var redirects = new Redirects(jdbi, sources,
                        id -> articles.findPublic(id, clock.instant()).map(permalinks::of), clock);
                var pageStore = new FixedPageStore(jdbi);
                pageStore.addWriteListener(ChangeFeed.pageRecorder(clock, notice)); // running servers forget their answers
                var fixedPages = new FixedPageService(pageStore, new PagePath(permalinks), new MarkdownRenderer(), clock);
                PageSink pages = page -> fixedPages.upsert(FixedPageDraft.html(page.path(), page.title(), page.html(),
                        page.published() ? PageStatus.PUBLISHED : PageStatus.DRAFT)).url();
                var importer = new Importer(jdbi, service, categories, sources, redirects, pages, permalinks, clock,
                        library);
                report = importer.run(source, in, dryRun, media(err));
            } catch (ImportException e) {
                throw new CliException(2, file + ": " + e.where() + "; nothing was imported");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            noted(report);
            for (var line : report.summary(dryRun)) err.println(line);
            if (json) {
                try {
                    spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(report.toJson()));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return 0;
        }
    }

    @Command(name = "wordpress", mixinStandardHelpOptions = true,
            description = {"Import a WordPress export (WXR 1.0–1.2, Tools → Export): posts, pages, categories,",
                "tags, authors and old URLs. The file is streamed: any size fits a small heap."})
    static final class WordPress extends Common {
        @Option(names = "--media", paramLabel = "DIR",
                description = "the old site's wp-content/uploads folder: its attachments become photos")
        Path media;

        private WxrReader reader;

        @Override
        ImportSource source(ZoneId zone) {
            if (media != null && !Files.isDirectory(media)) throw new CliException(2, "--media: not a folder: " + media);
            reader = new WxrReader(zone);
            return reader;
        }

        /** The attachments are read in a first pass of their own, on a second stream of the file. */
        @Override
        Optional<MediaFolder> media(java.io.PrintWriter err) {
            return Optional.ofNullable(media).map(dir -> new MediaFolder(dir, each -> {
                try (var in = new Progress(file, err)) {
                    reader.readAttachments(in, each);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
    }

    @Command(name = "movabletype", mixinStandardHelpOptions = true,
            description = {"Import a Movable Type export (also はてなブログ, Seesaa, ライブドアブログ, FC2)."})
    static final class MovableType extends Common {
        @Option(names = "--old-url", paramLabel = "PATTERN",
                description = "each entry's old path, e.g. /blog/{yyyy}/{mm}/{basename}.html"
                        + " (also {dd} {hh} {mi} {ss} {id}); はてなブログ: /entry/{yyyy}/{mm}/{dd}/{hh}{mi}{ss}")
        String oldUrl;

        @Option(names = "--charset", paramLabel = "NAME", defaultValue = "UTF-8",
                description = "the file's encoding: UTF-8, Shift_JIS, EUC-JP… Default: ${DEFAULT-VALUE}")
        String charset;

        @Override
        ImportSource source(ZoneId zone) {
            Charset cs;
            try {
                cs = Charset.forName(charset);
            } catch (IllegalArgumentException e) {
                throw new CliException(2, "--charset: unknown encoding " + charset);
            }
            Optional<OldUrlPattern> pattern;
            try {
                pattern = Optional.ofNullable(oldUrl).map(OldUrlPattern::new);
            } catch (IllegalArgumentException e) {
                throw new CliException(2, "--old-url: " + e.getMessage());
            }
            return new MovableTypeReader(cs, zone, pattern);
        }
    }

    /** The file, counting what was read: a progress bar on stderr when it is a terminal. */
    private static final class Progress extends java.io.FilterInputStream {
        private final long size;
        private final java.io.PrintWriter err;
        private final boolean terminal = System.console() != null;
        private long read;
        private long lastPrint;

        Progress(Path file, java.io.PrintWriter err) throws IOException {
            super(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            this.size = Math.max(1, Files.size(file));
            this.err = err;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) advance(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) advance(n);
            return n;
        }

        private void advance(long n) {
            read += n;
            long now = System.nanoTime();
            if (!terminal || now - lastPrint < 200_000_000L) return;
            lastPrint = now;
            int percent = (int) Math.min(100, read * 100 / size);
            err.printf("\r[%-30s] %3d%%", "#".repeat(percent * 30 / 100), percent);
            err.flush();
        }

        @Override
        public void close() throws IOException {
            if (terminal && lastPrint != 0) err.print("\r" + " ".repeat(40) + "\r");
            super.close();
        }
    }
}
