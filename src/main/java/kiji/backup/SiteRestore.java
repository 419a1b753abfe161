package kiji.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import kiji.newsroom.FileMediaStore;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a {@link SiteBackup} archive into an empty data folder: {@code kiji.db}, {@code media/}
 * and {@code userdict.txt}. Only the entry names Kiji writes are accepted (no path leaves the
 * folder); on any failure the folder is emptied again, so nothing half-restored remains.
 * Rebuilding the search index is the caller's next step (it needs the database open).
 */
public final class SiteRestore {
    /** What came out of the archive. */
    public record Report(boolean database, long photoFiles, boolean userDictionary) {}

    /** The archive is not a Kiji backup, or is damaged; the message says which entry or why. */
    public static final class NotABackup extends RuntimeException {
        NotABackup(String message) {
            super(message);
        }
    }

    private SiteRestore() {}

    /** @param dataDir an empty (or not yet existing) folder */
    public static Report unpack(Path archive, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return unpackInto(archive, dataDir);
        } catch (IOException e) {
            empty(dataDir);
            if (e instanceof ZipException || e.getMessage() != null && e.getMessage().contains("Not in GZIP format")) {
                throw new NotABackup(archive + " is not a .tar.gz Kiji backup: " + e.getMessage());
            }
            throw new UncheckedIOException("cannot restore " + archive + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            empty(dataDir);
            throw e;
        }
    }

    private static Report unpackInto(Path archive, Path dataDir) throws IOException {
        boolean database = false;
        boolean dictionary = false;
        boolean manifest = false;
        long photos = 0;
        var media = new FileMediaStore(dataDir.resolve("media"));
        try (var tar = new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16)))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                var name = entry.getName();
                if (entry.isDirectory()) continue;
                if (!entry.isFile()) throw new NotABackup("not a Kiji backup: " + name + " is not a plain file");
                switch (name) {
                    case BackupArchive.DATABASE -> {
                        Files.copy(tar, dataDir.resolve(BackupArchive.DATABASE));
                        database = true;
                    }
                    case BackupArchive.USER_DICTIONARY -> {
                        Files.copy(tar, dataDir.resolve(BackupArchive.USER_DICTIONARY));
                        dictionary = true;
                    }
                    case BackupArchive.MANIFEST -> {
                        tar.readAllBytes();
                        manifest = true;
                    }
                    default -> {
                        var key = BackupArchive.mediaKey(name)
                                .orElseThrow(() -> new NotABackup("not a Kiji backup: unexpected entry " + name));
                        media.put(key, tar.readAllBytes());
                        photos++;
                    }
                }
            }
        }
        if (!manifest) throw new NotABackup("not a Kiji backup: " + archive + " has no " + BackupArchive.MANIFEST);
        return new Report(database, photos, dictionary);
    }

    private static void empty(Path dataDir) {
        if (!Files.isDirectory(dataDir)) return;
        try (var files = Files.walk(dataDir)) {
            for (var p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dataDir)) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: the message of the failure that brought us here is the one to show
        }
    }
}
