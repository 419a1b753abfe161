package kiji.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiji}: the root command. A bad option exits 2 with a one-line reason. */
@Command(
        name = "kiji",
        mixinStandardHelpOptions = true,
        version = "Kiji 0.1",
        description = "記事 — a publishing platform for Japanese news sites.",
        subcommands = {ServeCommand.class, TokenCommand.class, UserCommand.class, ViewsCommand.class,
            RankingCommand.class, SearchCommand.class, CommandLine.HelpCommand.class})
public final class KijiCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try: kiji serve --demo)");
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        var cl = new CommandLine(new KijiCommand());
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
