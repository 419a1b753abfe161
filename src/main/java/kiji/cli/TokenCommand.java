package kiji.cli;

import kiji.app.Kiji;
import kiji.newsroom.ApiTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiji token create --name NAME}: prints a new admin API token once. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Admin API tokens.",
        subcommands = {TokenCommand.Create.class})
final class TokenCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: create");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an admin API token and print it once (only its hash is stored).")
    static final class Create implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        DataOptions data;

        @Option(names = "--name", required = true, description = "what the token is for, e.g. import-script")
        String name;

        @Override
        public Integer call() {
            var config = data.config("127.0.0.1", 0, false);
            try (var db = Kiji.openDatabase(config)) {
                var tokens = new ApiTokens(db.jdbi(), java.time.Clock.systemUTC());
                String token;
                try {
                    token = tokens.create(name);
                } catch (IllegalArgumentException e) {
                    throw new CliException(2, "--name: " + e.getMessage());
                }
                // the token alone on stdout, so `TOKEN=$(kiji token create --name x)` works
                spec.commandLine().getOut().println(token);
                spec.commandLine().getOut().flush();
                spec.commandLine().getErr().println(
                        "Token '" + name.strip() + "' created. Keep it now: it cannot be shown again.");
            }
            return 0;
        }
    }
}
