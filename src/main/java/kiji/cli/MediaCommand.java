package kiji.cli;

import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import kiji.media.MediaCopy;
import kiji.media.MediaSettings;
import kiji.media.MediaStoreException;
import kiji.media.S3MediaStore;
import kiji.newsroom.FileMediaStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiji media migrate --to s3://…}: copies DATA/media to a bucket. */
@Command(name = "media", mixinStandardHelpOptions = true, description = "Photo storage.",
        subcommands = {MediaCommand.Migrate.class})
final class MediaCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: migrate");
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = {"Copy DATA/media into an S3-compatible bucket (KIJI_S3_ENDPOINT, KIJI_S3_REGION, AWS credentials",
                    "from the SDK's default chain). Files already there are skipped, so it can run again to resume",
                    "or to catch up; DATA/media is left as it is. Then set KIJI_MEDIA_URL to the same URL and restart."})
    static final class Migrate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DataOptions data;

        @Option(names = "--to", required = true, paramLabel = "s3://BUCKET/PREFIX", description = "where to copy the photos")
        String to;

        @Override
        public Integer call() {
            var config = data.config("127.0.0.1", 0, false);
            if (!Files.isDirectory(config.dataDir())) {
                throw new CliException(2, "--data: no data folder at " + config.dataDir().toAbsolutePath());
            }
            MediaSettings.S3Location target;
            try {
                target = MediaSettings.s3(to, Optional.ofNullable(data.s3Endpoint).filter(s -> !s.isBlank()),
                        Optional.ofNullable(data.s3Region).filter(s -> !s.isBlank()));
            } catch (IllegalArgumentException e) {
                throw new CliException(2, "--to: " + e.getMessage());
            }
            var out = spec.commandLine().getOut();
            var source = config.dataDir().resolve("media");
            try (var from = new FileMediaStore(source); var into = S3MediaStore.open(target)) {
                var report = MediaCopy.copy(from, into, line -> out.println(line));
                out.printf("media migrate: %d files copied (%d bytes), %d already in %s; %s is left as it is%n",
                        report.copied(), report.bytes(), report.skipped(), target.url(), source.toAbsolutePath());
                out.printf("next: set KIJI_MEDIA_URL=%s on every node and restart%n", target.url());
                out.flush();
                return 0;
            } catch (MediaStoreException e) {
                throw new CliException(1, e.getMessage());
            }
        }
    }
}
