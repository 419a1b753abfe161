package kiji.personnel;

import java.util.List;
import java.util.Optional;

/**
 * The Markdown table form of an order ({@code | 新職 | 氏名 | 現職 |}, an optional {@code 階級} column),
 * read row by row: the header names the columns, so their order may vary.
 */
final class OrderTable {
    record Row(String newPost, String rank, String name, String previousPost) {}

    private int newPost = -1;
    private int rank = -1;
    private int name = -1;
    private int previous = -1;
    private int width;
    private boolean inTable;

    /** A data row, or empty for the header and the separator; a row that cannot be read throws {@link Bad}. */
    Optional<Row> row(int number, String line) {
        var cells = cells(line);
        if (!inTable) {
            inTable = true;
            header(cells);
            return Optional.empty();
        }
        if (cells.stream().allMatch(c -> c.matches(":?-{1,}:?"))) return Optional.empty();
        if (name < 0 || newPost < 0 || previous < 0) throw new Bad("表の見出しに 新職・氏名・現職 の列がありません");
        if (cells.size() != width) throw new Bad("列の数(" + cells.size() + ")が見出し(" + width + ")と合いません");
        return Optional.of(new Row(cells.get(newPost), rank < 0 ? "" : cells.get(rank), cells.get(name),
                cells.get(previous)));
    }

    void end() {
        inTable = false;
    }

    private void header(List<String> cells) {
        width = cells.size();
        newPost = rank = name = previous = -1;
        for (int i = 0; i < cells.size(); i++) {
            switch (cells.get(i).replace(" ", "")) {
                case "新職", "新官職", "発令" -> newPost = i;
                case "階級" -> rank = i;
                case "氏名" -> name = i;
                case "現職", "旧職", "前職" -> previous = i;
                default -> { }
            }
        }
    }

    private static List<String> cells(String line) {
        var s = line.strip();
        if (s.startsWith("|")) s = s.substring(1);
        if (s.endsWith("|")) s = s.substring(0, s.length() - 1);
        return java.util.Arrays.stream(s.split("\\|", -1)).map(String::strip).toList();
    }

    /** A table row that cannot be read, with its reason. */
    static final class Bad extends RuntimeException {
        Bad(String reason) {
            super(reason, null, false, false);
        }
    }
}
