package kiji.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folders under {@code DATA/index}: one Lucene index per generation ({@code g000001}, …), a
 * {@code CURRENT} file naming the live one (replaced atomically, so a crash leaves either the old
 * or the new generation current, never half of one), and a process lock. The lock is held for as
 * long as a server or a {@code kiji search reindex} uses the folder, so two processes never
 * write the same index.
 */
final class IndexGenerations implements AutoCloseable {
    static final String LOCK = "kiji-search.lock";
    private static final Pattern NAME = Pattern.compile("g(\\d{6,})");

    private final Path root;
    private final FileChannel lock; // closing it releases the lock

    private IndexGenerations(Path root, FileChannel lock) {
        this.root = root;
        this.lock = lock;
    }

    /**
     * The lock is the operating system's (what Lucene's NativeFSLockFactory takes), taken with
     * plain NIO: opening a Lucene directory for it on the main thread cost Lucene's
     * memory-mapping and native-access set-up before the first page (docs/benchmarks.md).
     *
     * @throws IndexBusyException when another process (or this one) holds the folder
     */
    static IndexGenerations lock(Path root) {
        try {
            Files.createDirectories(root);
            var channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                if (channel.tryLock() != null) return new IndexGenerations(root, channel);
            } catch (OverlappingFileLockException e) {
                // held by this JVM already
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            channel.close();
            throw new IndexBusyException(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open search index folder " + root, e);
        }
    }

    Path root() {
        return root;
    }

    /** The live generation's folder, if CURRENT names one that exists. */
    Optional<Path> current() {
        var pointer = root.resolve("CURRENT");
        try {
            if (!Files.isRegularFile(pointer)) return Optional.empty();
            var name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            if (!NAME.matcher(name).matches()) return Optional.empty();
            var dir = root.resolve(name);
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A fresh, empty folder for the next generation. */
    Path next() {
        try (Stream<Path> all = generations()) {
            long last = all.map(p -> Long.parseLong(p.getFileName().toString().substring(1))).max(Long::compare).orElse(0L);
            var dir = root.resolve(String.format("g%06d", last + 1));
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void makeCurrent(Path generation) {
        try {
            var tmp = root.resolve("CURRENT.tmp");
            Files.writeString(tmp, generation.getFileName().toString() + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, root.resolve("CURRENT"), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, root.resolve("CURRENT"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every generation but the live one (old ones after a swap, half-built ones after a crash). */
    void deleteAllBut(Path keep) {
        try (Stream<Path> all = generations()) {
            all.filter(p -> !p.equals(keep)).forEach(IndexGenerations::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Stream<Path> generations() throws IOException {
        return Files.list(root).filter(p -> Files.isDirectory(p) && NAME.matcher(p.getFileName().toString()).matches());
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // an old generation left behind is harmless: the next swap tries again
        }
    }

    @Override
    public void close() {
        try {
            lock.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
