package kiji.ranking;

/**
 * Who sent a view, as far as counting needs to know: the client IP (after trusted proxies),
 * the User-Agent, and whether the request carries the newsroom's session cookie (an editor
 * previewing is not a reader).
 */
public record Reader(String ip, String userAgent, boolean editor) {
    /** The newsroom's login cookie; requests carrying it are editors and are not counted. */
    public static final String EDITOR_SESSION_COOKIE = "kiji_session";
}
