package kiji.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import kiji.newsroom.MediaStore;
import kiji.storage.SqliteSnapshot;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code kiji backup}: one {@code .tar.gz} with a consistent copy of the SQLite database (taken
 * while the server runs, {@link SqliteSnapshot}), every photo file of the media store (DATA/media
 * or the S3 bucket) and the user dictionary. On PostgreSQL the database is left out (pg_dump is
 * its backup tool). The archive is written beside the target and moved into place when complete,
 * so a failed backup leaves no file that looks like one.
 *
 * <p>The database is copied first and the photos listed after it, so every photo the copy
 * knows of is in the archive (an upload stores its row, then its files, within a second).
 */
public final class SiteBackup {
    /** What went into the archive. */
    public record Report(boolean database, long photoFiles, long photoBytes, boolean userDictionary, long archiveBytes) {}

    private final Clock clock;

    public SiteBackup(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param sqliteDatabase the SQLite file to copy; empty on PostgreSQL
     * @param userDictionary DATA/userdict.txt, included when it exists
     */
    public Report write(Optional<Path> sqliteDatabase, MediaStore media, Path userDictionary, Path target) {
        var parent = target.toAbsolutePath().getParent();
        Path partial = null;
        Path snapshot = null;
        try {
            partial = Files.createTempFile(parent, ".kiji-backup", ".partial");
            long[] photos = new long[2];
            try (var tar = tarGz(Files.newOutputStream(partial))) {
                if (sqliteDatabase.isPresent()) {
                    snapshot = Files.createTempFile(parent, ".kiji-backup", ".db");
                    Files.delete(snapshot); // SQLite's backup creates the file itself
                    SqliteSnapshot.copy(sqliteDatabase.get(), snapshot);
                    putFile(tar, BackupArchive.DATABASE, snapshot);
                }
                media.forEachKey(key -> media.get(key).ifPresent(bytes -> {
                    putBytes(tar, BackupArchive.MEDIA + key, bytes);
                    photos[0]++;
                    photos[1] += bytes.length;
                }));
                boolean dictionary = Files.isRegularFile(userDictionary);
                if (dictionary) putFile(tar, BackupArchive.USER_DICTIONARY, userDictionary);
                putBytes(tar, BackupArchive.MANIFEST, manifest(sqliteDatabase.isPresent(), photos[0], dictionary));
                tar.finish();
                tar.close();
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                return new Report(sqliteDatabase.isPresent(), photos[0], photos[1], dictionary, Files.size(target));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
            deleteQuietly(snapshot);
        }
    }

    private byte[] manifest(boolean database, long photoFiles, boolean dictionary) {
        return ("Kiji backup\ncreated: " + clock.instant() + "\n"
                + "database: " + (database ? BackupArchive.DATABASE + " (SQLite)" : "not included (PostgreSQL: back it up with pg_dump)") + "\n"
                + "photos: " + photoFiles + " files\n"
                + "user dictionary: " + (dictionary ? BackupArchive.USER_DICTIONARY : "none") + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static TarArchiveOutputStream tarGz(OutputStream out) throws IOException {
        var tar = new TarArchiveOutputStream(new GZIPOutputStream(new BufferedOutputStream(out, 1 << 16), 1 << 16));
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX); // a database over 8 GB
        return tar;
    }

    private void putFile(TarArchiveOutputStream tar, String name, Path file) throws IOException {
        var entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(file));
        entry.setModTime(clock.millis());
        tar.putArchiveEntry(entry);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
    }

    private void putBytes(TarArchiveOutputStream tar, String name, byte[] bytes) {
        try {
            var entry = new TarArchiveEntry(name);
            entry.setSize(bytes.length);
            entry.setModTime(clock.millis());
            tar.putArchiveEntry(entry);
            tar.write(bytes);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary file left in the target's folder; the backup's own outcome matters more
        }
    }
}
