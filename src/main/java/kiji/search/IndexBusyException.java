package kiji.search;

import java.nio.file.Path;

/** Another Kiji process (a running server, or a {@code kiji search reindex}) holds this index folder. */
public final class IndexBusyException extends IllegalStateException {
    IndexBusyException(Path root) {
        super("the search index " + root + " is in use by another Kiji process (a running server or"
                + " `kiji search reindex`)");
    }
}
