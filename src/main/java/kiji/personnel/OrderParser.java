package kiji.personnel;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a personnel order (人事発令) as the Ministry publishes it: service headers, effective-date lines,
 * and each person in two lines ({@code 新職 [兼 併任職] 階級 氏名}, then {@code （旧職）}), or the Markdown
 * table form ({@code | 新職 | 氏名 | 現職 |}). Pure: no I/O, no clock; the year of a date written
 * without one is the one nearest to {@code reference} (the order's publication day).
 */
public final class OrderParser {
    private static final Pattern DATE = Pattern.compile(
            "\\(?(?:(令和|平成)(元|\\d{1,2})年)?(\\d{1,2})月(\\d{1,2})日(?:付け?|発令)\\)?");
    private static final Pattern PAREN = Pattern.compile("\\((.*)\\)");
    private static final Pattern CONCURRENT = Pattern.compile(" ?兼 ?| 併任 ");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String NOTE_MARK = "※";
    private static final Pattern HEADER_MARKS = Pattern.compile("^[#■□◆◇●○【〔\\[ ]+|[】〕\\] ]+$");

    private final LocalDate reference;
    private final List<OrderEntry> entries = new ArrayList<>();
    private final TreeMap<Integer, String> errors = new TreeMap<>();
    private final List<ParsedOrder.Note> notes = new ArrayList<>();
    private final OrderTable table = new OrderTable();
    private Optional<Service> service = Optional.empty();
    private Optional<LocalDate> date = Optional.empty();
    private int pendingLine;
    private String pending;

    private OrderParser(LocalDate reference) {
        this.reference = reference;
    }

    /** Reads the whole text; every line it cannot read is in the result's errors. */
    public static ParsedOrder parse(String text, LocalDate reference) {
        var parser = new OrderParser(reference);
        var lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) parser.line(i + 1, normalize(lines[i]));
        parser.unpaired();
        if (parser.entries.isEmpty() && parser.errors.isEmpty()) parser.errors.put(1, "異動の行がありません");
        return new ParsedOrder(parser.entries, parser.errors, parser.notes);
    }

    /** NFKC (full-width digits, spaces and brackets become ASCII), spacing collapsed. */
    static String normalize(String line) {
        return SPACES.matcher(Normalizer.normalize(line, Normalizer.Form.NFKC)).replaceAll(" ").strip();
    }

    private void line(int number, String line) {
        if (line.startsWith("|")) {
            unpaired();
            try {
                table.row(number, line).ifPresent(row -> tableRow(number, row));
            } catch (OrderTable.Bad e) {
                errors.put(number, e.getMessage());
            }
            return;
        }
        table.end();
        var compact = line.replace(" ", "");
        if (compact.isEmpty() || compact.equals("以上") || compact.equals("(以上)")) return;
        // headers and dates are short lines: a person line is never read as either
        var header = compact.length() > 20 ? Optional.<Service>empty()
                : Service.ofHeader(HEADER_MARKS.matcher(compact).replaceAll(""));
        var dateMatch = DATE.matcher(compact.length() > 30 ? "" : compact);
        var paren = PAREN.matcher(line);
        if (header.isPresent()) {
            unpaired();
            service = header;
        } else if (dateMatch.matches()) {
            unpaired();
            readDate(number, dateMatch);
        } else if (pending != null && paren.matches()) {
            person(pendingLine, pending, paren.group(1).strip());
            pending = null;
        } else if (paren.matches()) {
            errors.put(number, "括弧書きの旧職の前に、新職・階級・氏名の行がありません");
        } else {
            unpaired();
            pending = line;
            pendingLine = number;
        }
    }

    private void readDate(int number, java.util.regex.Matcher m) {
        int month = Integer.parseInt(m.group(3));
        int day = Integer.parseInt(m.group(4));
        try {
            if (m.group(1) != null) {
                var era = m.group(1) + m.group(2) + "年" + month + "月" + day + "日";
                date = Optional.of(kiji.article.ReiwaDate.parse(era));
            } else {
                date = Optional.of(nearest(month, day));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            errors.put(number, "発令日が正しい日付ではありません");
        }
    }

    /** The date with that month and day nearest to the reference day: a December list may take effect in January. */
    private LocalDate nearest(int month, int day) {
        LocalDate best = null;
        for (int y = reference.getYear() - 1; y <= reference.getYear() + 1; y++) {
            try {
                var d = LocalDate.of(y, month, day);
                if (best == null || Math.abs(d.toEpochDay() - reference.toEpochDay())
                        < Math.abs(best.toEpochDay() - reference.toEpochDay())) best = d;
            } catch (DateTimeException e) {
                // 2月29日 in a year without it
            }
        }
        if (best == null) throw new DateTimeException("no such day: " + month + "/" + day);
        return best;
    }

    /**
     * A person line waiting for its previous-post line when something else came; but a line marked
     * {@code ※} ({@code ※定年退職}, {@code ※は併任解除}) is the list's note, kept to be shown under its table.
     */
    private void unpaired() {
        if (pending == null) return;
        if (pending.startsWith(NOTE_MARK)) {
            notes.add(new ParsedOrder.Note(pendingLine, service, pending));
            pending = null;
            return;
        }
        errors.put(pendingLine, Rank.person(pending, service.orElse(Service.MOD)).isPresent()
                ? "次の行に括弧書きの旧職がありません"
                : "新職・階級・氏名として読めない行です");
        pending = null;
    }

    private void person(int number, String line, String previousPost) {
        if (!context(number)) return;
        // a marked person (※ refers to a note of the list): the mark is not part of the post
        if (line.startsWith(NOTE_MARK)) line = line.substring(NOTE_MARK.length()).strip();
        var split = Rank.person(line, service.get());
        if (split.isEmpty()) {
            errors.put(number, "階級と氏名が読めません(新職 階級 氏名 の形で書いてください)");
            return;
        }
        var s = split.get();
        if (s.before().isEmpty()) {
            errors.put(number, "新職がありません");
            return;
        }
        add(number, s.rank(), s.name(), s.before(), previousPost);
    }

    private void tableRow(int number, OrderTable.Row row) {
        if (!context(number)) return;
        var rank = row.rank();
        var name = row.name();
        if (rank.isEmpty()) {
            var split = Rank.split("x " + name, service.get()); // a rank written in the name cell
            if (split.isPresent()) {
                rank = split.get().rank();
                name = split.get().name();
            }
        } else if (Rank.read(rank, service.get()).isEmpty()) {
            errors.put(number, "階級が読めません: " + rank);
            return;
        } else {
            rank = Rank.read(rank, service.get()).get();
        }
        if (!name.matches("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}々〆ヵヶー]{1,10}(?: \\S{1,10})?")) {
            errors.put(number, "氏名が読めません: " + (name.isEmpty() ? "(空欄)" : name));
            return;
        }
        add(number, rank, name, row.newPost(), row.previousPost());
    }

    private boolean context(int number) {
        if (service.isEmpty()) {
            errors.put(number, "所属(陸上自衛隊・海上自衛隊・航空自衛隊・統合幕僚監部・防衛省)の行より前にあります");
            return false;
        }
        if (date.isEmpty()) {
            errors.put(number, "発令日(例: (12月16日付))の行より前にあります");
            return false;
        }
        return true;
    }

    private void add(int number, String rank, String name, String posts, String previousPost) {
        boolean promoted = posts.equals("昇任") || posts.startsWith("昇任 ") || posts.endsWith("(昇任)");
        if (promoted) posts = posts.replaceFirst("^昇任 ?|\\(昇任\\)$", "").strip();
        var parts = CONCURRENT.split(posts);
        var newPost = parts[0].strip();
        var concurrent = new ArrayList<String>();
        for (int i = 1; i < parts.length; i++) if (!parts[i].isBlank()) concurrent.add(parts[i].strip());
        if (promoted && newPost.isEmpty()) newPost = previousPost;
        if (newPost.isEmpty()) {
            errors.put(number, "新職がありません");
            return;
        }
        if (previousPost.isEmpty()) {
            errors.put(number, "旧職が空です");
            return;
        }
        boolean retired = newPost.equals("退職");
        entries.add(new OrderEntry(number, service.get(), date.get(), rank, PersonName.display(name), newPost,
                concurrent, previousPost, retired, promoted));
    }
}
