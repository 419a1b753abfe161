package kiji.backup;

import java.util.Optional;
import kiji.newsroom.MediaStore;

/**
 * What a Kiji backup ({@code .tar.gz}) holds, by entry name: the SQLite database, the photo
 * files, the site's user dictionary, and a short manifest. Restore accepts these names only.
 */
final class BackupArchive {
    static final String DATABASE = "kiji.db";
    static final String USER_DICTIONARY = "userdict.txt";
    static final String MANIFEST = "kiji-backup.txt";
    static final String MEDIA = "media/";

    private BackupArchive() {}

    /** The media key of an entry name ({@code media/12/960.jpg} → {@code 12/960.jpg}), if it is one. */
    static Optional<String> mediaKey(String entryName) {
        if (!entryName.startsWith(MEDIA)) return Optional.empty();
        var key = entryName.substring(MEDIA.length());
        return MediaStore.KEY.matcher(key).matches() && key.contains("/") ? Optional.of(key) : Optional.empty();
    }
}
