package kiji.article;

/** The request names something that already exists (an article id given twice). Answered with 409. */
public final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
