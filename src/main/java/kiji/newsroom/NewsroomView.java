package kiji.newsroom;

import java.util.Optional;

/**
 * What every newsroom page's frame needs: its title, the active navigation entry, the user
 * (absent on the sign-in page) and the CSRF token that each form repeats.
 */
public record NewsroomView(String title, String nav, Optional<User> user, String csrf, Optional<String> notice) {

    static NewsroomView of(Session session, String title, String nav) {
        return new NewsroomView(title, nav, Optional.of(session.user()), session.csrfToken(), Optional.empty());
    }

    /**
     * The frame of a newsroom page another feature adds (the personnel orders' form): its route lies
     * under {@code /newsroom/}, so the guard has found the session and checked the CSRF token.
     */
    public static NewsroomView signedIn(io.javalin.http.Context ctx, String title, String nav) {
        return of(NewsroomGuard.session(ctx), title, nav);
    }

    NewsroomView withNotice(String text) {
        return new NewsroomView(title, nav, user, csrf, Optional.ofNullable(text));
    }

    /** Admins and editors edit the fixed pages (会社概要, …); writers do not. */
    public boolean canEditPages() {
        return user.map(u -> u.role().canPublish()).orElse(false);
    }

    public boolean isAdmin() {
        return user.map(User::isAdmin).orElse(false);
    }
}
