package kiji.newsroom;

/** A refusal the newsroom shows as its own page (or JSON for script calls), with a Japanese reason. */
final class NewsroomException extends RuntimeException {
    private final int status;

    NewsroomException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static NewsroomException forbidden() {
        return new NewsroomException(403, "この操作を行う権限がありません。");
    }

    static NewsroomException notFound() {
        return new NewsroomException(404, "見つかりません。");
    }

    /** Not signed in (or the session ended): pages redirect to the sign-in form. */
    static final class SignInRequired extends RuntimeException {
        SignInRequired() {
            super("sign-in required", null, false, false);
        }
    }
}
