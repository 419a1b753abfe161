package kiji.media;

/** A media store cannot be reached or refuses a request; the message names the store and S3's reason. */
public final class MediaStoreException extends RuntimeException {
    public MediaStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
