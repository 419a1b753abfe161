package kiji.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The old site's {@code wp-content/uploads} ({@code --media DIR}). A file is read only from
 * inside it: an export naming {@code ../../etc/passwd}, an absolute path or a link leading out
 * is refused, since the export is data from elsewhere.
 */
final class UploadsFolder {
    private final Path root;

    /** @throws IOException when the folder cannot be opened */
    UploadsFolder(Path dir) throws IOException {
        this.root = dir.toRealPath();
    }

    /** A file that cannot become a photo, and why (for the report's warnings). */
    static final class Unusable extends Exception {
        Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The bytes of {@code file} (e.g. {@code 2024/10/photo.jpg}), at most {@code maxBytes}. */
    byte[] read(String file, long maxBytes) throws Unusable {
        Path path;
        try {
            path = root.resolve(file).normalize();
        } catch (InvalidPathException e) {
            throw new Unusable("not a file name: " + file);
        }
        if (!path.startsWith(root) || file.startsWith("/") || file.startsWith("\\")) {
            throw new Unusable("outside --media, not read: " + file);
        }
        try {
            var real = path.toRealPath();
            if (!real.startsWith(root)) throw new Unusable("leads outside --media, not read: " + file);
            if (!Files.isRegularFile(real)) throw new Unusable("not a file under --media: " + file);
            long size = Files.size(real);
            if (size > maxBytes) throw new Unusable(file + " is larger than " + maxBytes / (1024 * 1024) + " MB");
            return Files.readAllBytes(real);
        } catch (NoSuchFileException e) {
            throw new Unusable("file not found under --media: " + file);
        } catch (IOException e) {
            throw new Unusable("file not readable: " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
