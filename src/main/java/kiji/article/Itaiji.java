package kiji.article;

import java.util.Map;

/**
 * Variant kanji (異体字) that personnel lists, registers and articles write interchangeably, each
 * folded to its common form: 髙橋 is 高橋, 山﨑 is 山崎, 渡邊 and 渡邉 are 渡辺. One table for the
 * whole site, so an officer's identity ({@code kiji.personnel.PersonName}) and site search
 * ({@code kiji.search.JapaneseAnalysis}) agree on which spellings are one name. Applied after NFKC,
 * which already folds the compatibility ideographs it knows (but not 﨑, whose code point is a
 * unified ideograph in the compatibility block). Every common form is one UTF-16 unit.
 */
public final class Itaiji {
    private static final Map<Integer, Integer> COMMON = Map.ofEntries(
            entry("髙", "高"), entry("﨑", "崎"), entry("嵜", "崎"), entry("邊", "辺"), entry("邉", "辺"),
            entry("澤", "沢"), entry("濱", "浜"), entry("濵", "浜"), entry("齋", "斎"), entry("齊", "斉"),
            entry("嶋", "島"), entry("嶌", "島"), entry("冨", "富"), entry("櫻", "桜"),
            entry("廣", "広"), entry("國", "国"), entry("德", "徳"), entry("槇", "槙"), entry("眞", "真"),
            entry("瀨", "瀬"), entry("藪", "薮"), entry("籠", "篭"), entry("龍", "竜"), entry("實", "実"),
            entry("惠", "恵"), entry("曻", "昇"), entry("𠮷", "吉"), entry("淵", "渕"));

    /** The variants inside the Basic Multilingual Plane, so a scan of a long text asks no map per character. */
    private static final java.util.BitSet BMP_VARIANTS = new java.util.BitSet(0x10000);

    static {
        COMMON.keySet().stream().filter(cp -> cp < 0x10000).forEach(BMP_VARIANTS::set);
    }

    private Itaiji() {}

    /** The common form of a code point, or the code point itself. */
    public static int fold(int codePoint) {
        return COMMON.getOrDefault(codePoint, codePoint);
    }

    /** True when the code point is a variant this table folds. */
    public static boolean isVariant(int codePoint) {
        return codePoint < 0x10000 ? BMP_VARIANTS.get(codePoint) : COMMON.containsKey(codePoint);
    }

    /** The text with every variant in its common form (the same string when there is none). */
    public static String fold(String text) {
        if (text.codePoints().noneMatch(Itaiji::isVariant)) return text;
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(fold(cp)));
        return out.toString();
    }

    private static Map.Entry<Integer, Integer> entry(String variant, String common) {
        return Map.entry(variant.codePointAt(0), common.codePointAt(0));
    }
}
