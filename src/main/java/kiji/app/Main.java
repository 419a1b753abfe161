package kiji.app;

import java.util.concurrent.CountDownLatch;
import kiji.cli.KijiCommand;
import org.slf4j.LoggerFactory;

/** {@code java -jar kiji.jar ...}: the picocli commands in kiji.cli. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Jetty sizes its padding from the JVM's oop width, and asks the platform MBean server
        // for it unless told: that alone starts JMX and loads ~250 classes at startup (see
        // docs/benchmarks.md). Under 32 GB of heap oops are compressed: 4 bytes, 16 per 64-byte line.
        if (System.getProperty("org.eclipse.jetty.util.referencesPerCacheLine") == null) {
            boolean compressed = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024;
            System.setProperty("org.eclipse.jetty.util.referencesPerCacheLine", compressed ? "16" : "8");
        }
        if (args.length > 0 && args[0].equals("serve")) {
            var loggingReady = new CountDownLatch(1);
            StartupWarmUp.start(loggingReady);
            LoggerFactory.getILoggerFactory();
            loggingReady.countDown();
        }
        System.exit(KijiCommand.run(args));
    }
}
