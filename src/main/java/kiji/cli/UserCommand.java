package kiji.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import kiji.app.Kiji;
import kiji.article.ValidationException;
import kiji.newsroom.Role;
import kiji.newsroom.Users;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiji user add --role admin NAME} and {@code kiji user disable NAME}. A password is
 * never an argument (it would land in shell history and {@code ps}): it is typed at a prompt,
 * or read as one line from stdin with {@code --password-stdin} (or when no console is attached).
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Newsroom accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.Disable.class, UserCommand.Enable.class})
final class UserCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: add, disable, enable");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a newsroom user (asks for the password).")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, editor or writer")
        String role;

        @Option(names = "--display-name", paramLabel = "NAME", description = "name shown in the newsroom (default: NAME)")
        String displayName;

        @Option(names = "--password-stdin", description = "read the password as one line from stdin")
        boolean passwordStdin;

        @Parameters(paramLabel = "NAME", description = "the sign-in name: a-z, 0-9, '.', '_', '-'")
        String username;

        @Override
        public Integer call() {
            var parsedRole = Role.parse(role)
                    .orElseThrow(() -> new CliException(2, "--role: must be one of admin, editor, writer (was '" + role + "')"));
            var password = readPassword(passwordStdin);
            try (var db = Kiji.openDatabase(data.config("127.0.0.1", 0, false))) {
                var user = new Users(db.jdbi(), Clock.systemUTC()).add(username, displayName, parsedRole, password);
                System.err.println("User '" + user.username() + "' (" + user.role().key() + ") added.");
            } catch (ValidationException e) {
                var first = e.errors().entrySet().iterator().next();
                throw new CliException(2, first.getKey() + ": " + first.getValue());
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a newsroom user; their sessions end at once.")
    static final class Disable implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Parameters(paramLabel = "NAME")
        String username;

        @Override
        public Integer call() {
            try (var db = Kiji.openDatabase(data.config("127.0.0.1", 0, false))) {
                if (!new Users(db.jdbi(), Clock.systemUTC()).disable(username)) {
                    throw new CliException(2, "NAME: no active user named '" + username + "'");
                }
                System.err.println("User '" + username + "' disabled; their sessions have ended.");
            }
            return 0;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled user sign in again.")
    static final class Enable implements Callable<Integer> {
        @Mixin
        DataOptions data;

        @Parameters(paramLabel = "NAME")
        String username;

        @Override
        public Integer call() {
            try (var db = Kiji.openDatabase(data.config("127.0.0.1", 0, false))) {
                if (!new Users(db.jdbi(), Clock.systemUTC()).enable(username)) {
                    throw new CliException(2, "NAME: no disabled user named '" + username + "'");
                }
                System.err.println("User '" + username + "' enabled.");
            }
            return 0;
        }
    }

    private static String readPassword(boolean fromStdin) {
        var console = System.console();
        if (!fromStdin && console != null) {
            var first = console.readPassword("Password: ");
            var second = console.readPassword("Password (again): ");
            if (first == null || second == null) throw new CliException(2, "password: no input");
            try {
                if (!Arrays.equals(first, second)) throw new CliException(2, "password: the two entries differ");
                return new String(first);
            } finally {
                Arrays.fill(first, ' ');
                Arrays.fill(second, ' ');
            }
        }
        try {
            var line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) throw new CliException(2, "password: expected one line on stdin");
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
