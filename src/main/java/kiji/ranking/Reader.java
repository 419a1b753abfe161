package kiji.ranking;

/**
 * Who sent a view, as far as counting needs to know: the client IP (after trusted proxies),
 * the User-Agent, and whether the request carries the newsroom's session cookie (an editor
 * previewing is not a reader).
 */
public record Reader(String ip, String userAgent, boolean editor) {
    /** The newsroom's login cookie; requests carrying it are editors and are not counted. */
    public static final String EDITOR_SESSION_COOKIE = "kiji_session";

    /** The reader of a request from {@code peer}; X-Forwarded-For counts only from a trusted proxy. */
    static Reader of(TrustedProxies proxies, String peer, String forwardedFor, String userAgent, boolean editor) {
        return new Reader(proxies.clientIp(peer, forwardedFor), userAgent, editor);
    }
}
