package kiji.article;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Dates the way Japanese government releases write them: {@code 令和6(2024)年10月17日(木)}.
 *
 * <p>The first year of an era is 元年 ({@code 令和元(2019)年5月1日(水)}), which java.time would
 * print as 令和1年. Reiwa began on 2019-05-01; 2019-04-30 is 平成31年.
 */
public final class ReiwaDate {
    private static final String WEEKDAYS = "月火水木金土日";
    private static final Pattern FORM = Pattern.compile(
            "(明治|大正|昭和|平成|令和)(元|\\d{1,2})(?:\\((\\d{4})\\))?年(\\d{1,2})月(\\d{1,2})日(?:\\(([月火水木金土日])\\))?");

    private ReiwaDate() {}

    /**
     * {@code 令和6(2024)年10月17日(木)}.
     *
     * @throws IllegalArgumentException for a date before 1873, which has no era date
     */
    public static String format(LocalDate date) {
        return formatWithoutWeekday(date) + "(" + weekday(date) + ")";
    }

    /** {@code 令和6(2024)年10月17日}. */
    public static String formatWithoutWeekday(LocalDate date) {
        return eraYear(date) + "(" + date.getYear() + ")年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** {@code 令和6年} or {@code 令和元年}: the era and its year. */
    public static String eraYear(LocalDate date) {
        JapaneseDate jd;
        try {
            jd = JapaneseDate.from(date);
        } catch (DateTimeException e) {
            // java.time's Japanese calendar starts with Meiji 6 (1873), when Japan adopted it
            throw new IllegalArgumentException(date + " is before 1873-01-01, the first date in a Japanese era", e);
        }
        var era = jd.getEra().getDisplayName(TextStyle.FULL, Locale.JAPAN);
        int year = jd.get(ChronoField.YEAR_OF_ERA);
        return era + (year == 1 ? "元" : Integer.toString(year));
    }

    /** The weekday as one kanji: 月 … 日. */
    public static String weekday(LocalDate date) {
        return String.valueOf(WEEKDAYS.charAt(date.getDayOfWeek().getValue() - 1));
    }

    /**
     * Reads a date in that form. Full-width digits and brackets are accepted; the western year
     * and the weekday are optional, but when given they must agree with the era date.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static LocalDate parse(String text) {
        if (text == null) throw new IllegalArgumentException("no date given");
        var s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        var m = FORM.matcher(s);
        if (!m.matches()) throw new IllegalArgumentException("not a Japanese era date: " + text);
        var era = era(m.group(1));
        int yearOfEra = m.group(2).equals("元") ? 1 : Integer.parseInt(m.group(2));
        if (yearOfEra < 1) throw new IllegalArgumentException("era year must be 1 or more: " + text);
        LocalDate date;
        try {
            date = LocalDate.from(JapaneseDate.of(era, yearOfEra, Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5))));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("no such date in " + m.group(1) + ": " + text, e);
        }
        if (m.group(3) != null && Integer.parseInt(m.group(3)) != date.getYear()) {
            throw new IllegalArgumentException(
                    m.group(1) + m.group(2) + "年 is " + date.getYear() + ", not " + m.group(3) + ": " + text);
        }
        if (m.group(6) != null && !m.group(6).equals(weekday(date))) {
            throw new IllegalArgumentException(date + " is a " + weekday(date) + "曜日, not " + m.group(6) + ": " + text);
        }
        return date;
    }

    private static JapaneseEra era(String name) {
        return switch (name) {
            case "明治" -> JapaneseEra.MEIJI;
            case "大正" -> JapaneseEra.TAISHO;
            case "昭和" -> JapaneseEra.SHOWA;
            case "平成" -> JapaneseEra.HEISEI;
            default -> JapaneseEra.REIWA;
        };
    }
}
