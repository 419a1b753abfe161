package kiji.newsroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** {@link MediaStore} on the local disk: {@code DATA/media/12/960.jpg}. Writes are atomic (temp file, then move). */
public final class FileMediaStore implements MediaStore {
    private final Path root;

    public FileMediaStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(String key, byte[] bytes) {
        var target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            var temp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store media " + key, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        if (!KEY.matcher(key).matches()) return Optional.empty();
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media " + key, e);
        }
    }

    @Override
    public OptionalLong size(String key) {
        if (!KEY.matcher(key).matches()) return OptionalLong.empty();
        try {
            return OptionalLong.of(Files.size(resolve(key)));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media " + key, e);
        }
    }

    @Override
    public void deleteAll(String prefix) {
        var dir = resolve(prefix);
        if (!Files.isDirectory(dir)) return;
        try (var files = Files.walk(dir)) {
            for (var p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete media " + prefix, e);
        }
    }

    @Override
    public void forEachKey(Consumer<String> action) {
        if (!Files.isDirectory(root)) return;
        try (var files = Files.walk(root, 2)) {
            files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(key -> KEY.matcher(key).matches())
                    .forEach(action);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list media in " + root, e);
        }
    }

    private Path resolve(String key) {
        if (!KEY.matcher(key).matches()) throw new IllegalArgumentException("bad media key: " + key);
        return root.resolve(key);
    }
}
