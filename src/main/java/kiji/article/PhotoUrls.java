package kiji.article;

/**
 * Where readers' browsers load a stored photo file from, by its media key ({@code 12/960.jpg}):
 * Kiji's own {@code /media/} path ({@link #SITE}, the default), or a CDN or the bucket's public
 * URL in front of the store ({@code KIJI_MEDIA_PUBLIC_URL}, wired in {@code kiji.app.Kiji}).
 */
@FunctionalInterface
public interface PhotoUrls {
    /** {@code /media/12/960.jpg}: what Kiji itself serves, whatever the option says. */
    PhotoUrls SITE = key -> "/media/" + key;

    String of(String key);
}
