package kiji.cli;

import java.util.Collection;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code kiji}: the root command. A bad option exits 2 with a one-line reason.
 *
 * <p>The subcommands are added here rather than listed in {@code @Command}: {@link #run} builds
 * only the one named on the command line, because picocli reads every command's annotations
 * by reflection before it parses anything, and for {@code serve} the other five cost about as
 * much CPU as serve's own (docs/benchmarks.md). Anything else ({@code --help}, {@code help},
 * a mistyped name) gets every command, so what picocli answers never changes.
 */
@Command(
        name = "kiji",
        mixinStandardHelpOptions = true,
        version = "Kiji 0.1",
        description = "記事 — a publishing platform for Japanese news sites.")
public final class KijiCommand implements Runnable {
    /** The subcommands in the order {@code kiji --help} lists them. */
    private static final List<String> SUBCOMMANDS = List.of("serve", "token", "user", "views", "ranking", "search", "import",
            "media", "backup", "restore", "help");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /*
     * A switch rather than a map of constructor references: with a reference to picocli's
     * HelpCommand (a Java 5 class file, which the AOT cache cannot hold), the JDK 25 JVM crashed
     * while writing the AOT cache (archiveHeapWriter: "should have been archived") and ./kiji
     * got no cache at all.
     */
    private static Object subcommand(String name) {
        return switch (name) {
            case "serve" -> new ServeCommand();
            case "token" -> new TokenCommand();
            case "user" -> new UserCommand();
            case "views" -> new ViewsCommand();
            case "ranking" -> new RankingCommand();
            case "search" -> new SearchCommand();
            case "import" -> new ImportCommand();
            case "media" -> new MediaCommand();
            case "backup" -> new BackupCommand();
            case "restore" -> new RestoreCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /**
     * Reads, as picocli will for {@code kiji serve}, the annotations of the root command, of
     * {@code serve} and of its mixin. The JVM keeps what it parsed, and the proxy class it makes
     * for each annotation type (~40 ms in the interpreter at start-up), so picocli then finds them
     * ready. For {@code kiji serve}'s warm-up thread; it initialises none of these classes.
     */
    public static void readServeAnnotations() {
        for (Class<?> c : List.of(KijiCommand.class, ServeCommand.class, DataOptions.class)) {
            c.getAnnotations();
            for (var f : c.getDeclaredFields()) f.getAnnotations();
            for (var m : c.getDeclaredMethods()) m.getAnnotations();
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try: kiji serve --demo)");
    }

    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** Every command. */
    public static CommandLine commandLine() {
        return build(SUBCOMMANDS);
    }

    /** What {@code args} needs: the subcommand it names, or every command when it names none. */
    static CommandLine commandLine(String... args) {
        if (args.length > 0 && SUBCOMMANDS.contains(args[0]) && !args[0].equals("help")) {
            return build(List.of(args[0]));
        }
        return commandLine();
    }

    private static CommandLine build(Collection<String> names) {
        var cl = new CommandLine(new KijiCommand());
        for (var name : names) cl.addSubcommand(name, subcommand(name));
        cl.setParameterExceptionHandler((ex, a) -> {
            // one line: the reason, and where to read more
            var command = ex.getCommandLine().getCommandSpec().qualifiedName();
            ex.getCommandLine().getErr().println(command + ": " + ex.getMessage().strip().replaceAll("\\s*\n\\s*", " ")
                    + " (see: " + command + " --help)");
            return CommandLine.ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof CliException e) {
                c.getErr().println("kiji: " + e.getMessage());
                return e.exitCode();
            }
            if (ex instanceof kiji.storage.StorageException e) {
                c.getErr().println("kiji: " + e.getMessage());
                return 1;
            }
            throw ex;
        });
        return cl;
    }
}
