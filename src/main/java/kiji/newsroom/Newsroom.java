package kiji.newsroom;

import java.time.Clock;
import kiji.storage.Database;

/**
 * The newsroom's parts, built once by kiji.app.Kiji: accounts, sessions, the audit log and the
 * routes under {@code /newsroom}.
 */
public final class Newsroom {
    public final Users users;
    public final Sessions sessions;
    public final AuditLog audit;
    public final NewsroomRoutes routes;

    /**
     * @param httpsSite true when the public base URL is https:// (cookies are then always Secure,
     *     also behind a TLS-terminating proxy)
     */
    public Newsroom(Database database, Clock clock, ApiTokens tokens, boolean httpsSite) {
        var jdbi = database.jdbi();
        this.users = new Users(jdbi, clock);
        this.sessions = new Sessions(jdbi, clock);
        this.audit = new AuditLog(jdbi, clock);
        var guard = new NewsroomGuard(sessions, httpsSite);
        var signin = new SigninPages(users, sessions, new SigninThrottle(jdbi, clock), audit, guard);
        this.routes = new NewsroomRoutes(guard, signin, new AdminPages(tokens, users, audit));
    }
}
