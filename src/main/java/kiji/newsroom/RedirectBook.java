package kiji.newsroom;

import java.util.List;

/** The site's old URLs (301s), as the newsroom lists and edits them; kiji.app wires the importer's. */
public interface RedirectBook {
    /** An old path and where it leads, described for editors. */
    record Entry(String path, String target) {}

    List<Entry> list();

    /** Adds or replaces a redirect; {@link IllegalArgumentException} with a Japanese reason when it cannot be one. */
    void put(String path, String target);

    boolean remove(String path);
}
