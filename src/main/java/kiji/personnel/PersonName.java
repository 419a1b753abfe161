package kiji.personnel;

import java.text.Normalizer;
import kiji.article.Itaiji;

/**
 * Names as orders print them, and the key that makes one officer out of their spellings: NFKC, no
 * spaces, and the variant kanji (異体字) that lists and registers write interchangeably folded to one
 * ({@link Itaiji}, the table site search folds by too).
 */
public final class PersonName {
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private PersonName() {}

    /** How a page shows the name: NFKC, family and given name apart by one space when the list set one. */
    public static String display(String name) {
        return SPACES.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC).strip()).replaceAll(" ");
    }

    /** The identity key: 髙橋 太郎, 高橋太郎 and 高橋　太郎 share one. */
    public static String key(String name) {
        var s = SPACES.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("");
        return Itaiji.fold(s);
    }
}
