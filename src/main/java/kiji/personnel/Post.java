package kiji.personnel;

import java.text.Normalizer;

/** A post (職) as orders name it; two spellings differing only in width or spacing are one post. */
public record Post(long id, String name) {
    public String url() {
        return "/jinji/post/" + id;
    }

    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}
