package kiji.app;

import kiji.cli.KijiCommand;

/** {@code java -jar kiji.jar ...}: the picocli commands in kiji.cli. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(KijiCommand.run(args));
    }
}
