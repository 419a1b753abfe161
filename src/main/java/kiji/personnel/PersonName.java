package kiji.personnel;

import java.text.Normalizer;
import java.util.Map;

/**
 * Names as orders print them, and the key that makes one officer out of their spellings: NFKC, no
 * spaces, and the variant kanji (異体字) that lists and registers write interchangeably folded to one.
 */
public final class PersonName {
    /** Variant → the common form. NFKC already folds the compatibility ideographs it knows. */
    private static final Map<Integer, Integer> ITAIJI = Map.ofEntries(
            entry("髙", "高"), entry("﨑", "崎"), entry("嵜", "崎"), entry("邊", "辺"), entry("邉", "辺"),
            entry("澤", "沢"), entry("濱", "浜"), entry("濵", "浜"), entry("齋", "斎"), entry("齊", "斉"),
            entry("嶋", "島"), entry("嶌", "島"), entry("冨", "富"), entry("櫻", "桜"),
            entry("廣", "広"), entry("國", "国"), entry("德", "徳"), entry("槇", "槙"), entry("眞", "真"),
            entry("瀨", "瀬"), entry("藪", "薮"), entry("籠", "篭"), entry("龍", "竜"), entry("實", "実"),
            entry("惠", "恵"), entry("曻", "昇"), entry("𠮷", "吉"), entry("淵", "渕"));

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private PersonName() {}

    /** How a page shows the name: NFKC, family and given name apart by one space when the list set one. */
    public static String display(String name) {
        return SPACES.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC).strip()).replaceAll(" ");
    }

    /** The identity key: 髙橋 太郎, 高橋太郎 and 高橋　太郎 share one. */
    public static String key(String name) {
        var s = SPACES.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("");
        var out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(ITAIJI.getOrDefault(cp, cp)));
        return out.toString();
    }

    private static Map.Entry<Integer, Integer> entry(String variant, String common) {
        return Map.entry(variant.codePointAt(0), common.codePointAt(0));
    }
}
