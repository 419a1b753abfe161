package kiji.storage;

/** The database could not be opened, migrated or reached: startup stops with this message. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
