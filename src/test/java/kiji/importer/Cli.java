package kiji.importer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kiji.cli.KijiCommand;
import kiji.storage.Database;
import kiji.testing.TestDatabases;
import kiji.testing.TestDatabases.Engine;

/** {@code kiji …} run in this JVM on one data folder or PostgreSQL database, output captured. */
final class Cli {
    record Run(int code, String out, String err) {}

    private final Path data;
    private final Engine engine;
    private final kiji.storage.DatabaseSettings postgres;

    Cli(Engine engine, Path data) {
        this.engine = engine;
        this.data = data;
        this.postgres = engine == Engine.POSTGRES ? TestDatabases.freshPostgres() : null;
    }

    Run kiji(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.add("--data");
        all.add(data.toString());
        if (postgres != null) {
            all.addAll(List.of("--db-url", postgres.url(), "--db-user", postgres.user().orElseThrow()));
        }
        var out = new StringWriter();
        var err = new StringWriter();
        var cl = KijiCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    /** The database the commands write to, opened for the test to look at or serve. */
    Database database() {
        return engine == Engine.SQLITE ? Database.sqlite(data) : Database.open(postgres);
    }

    static Path fixture(String name) {
        try {
            return Path.of(Cli.class.getResource("/import/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
