package kiji.newsroom;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff by longest common subsequence, written here rather than pulled in: articles are
 * short (hundreds of lines), so the textbook table is fast and small, and it is easy to read.
 * Common leading and trailing lines are set aside first; if what remains would need a table
 * over {@link #MAX_CELLS} cells, the middle is shown as removed then added, which is still a
 * correct (if less tidy) diff.
 */
public final class LineDiff {
    static final long MAX_CELLS = 4_000_000;

    public enum Kind { SAME, ADDED, REMOVED }

    public record Line(Kind kind, String text) {}

    private LineDiff() {}

    static List<Line> of(String before, String after) {
        var a = before.split("\n", -1);
        var b = after.split("\n", -1);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) start++;
        int endA = a.length, endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        var out = new ArrayList<Line>();
        for (int i = 0; i < start; i++) out.add(new Line(Kind.SAME, a[i]));
        middle(a, start, endA, b, start, endB, out);
        for (int i = endA; i < a.length; i++) out.add(new Line(Kind.SAME, a[i]));
        return out;
    }

    private static void middle(String[] a, int a0, int a1, String[] b, int b0, int b1, List<Line> out) {
        int n = a1 - a0, m = b1 - b0;
        if ((long) n * m > MAX_CELLS) {
            for (int i = a0; i < a1; i++) out.add(new Line(Kind.REMOVED, a[i]));
            for (int j = b0; j < b1; j++) out.add(new Line(Kind.ADDED, b[j]));
            return;
        }
        // lcs[i][j]: length of the LCS of a[a0+i..a1) and b[b0+j..b1)
        var lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[a0 + i].equals(b[b0 + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0, j = 0;
        while (i < n && j < m) {
            if (a[a0 + i].equals(b[b0 + j])) {
                out.add(new Line(Kind.SAME, a[a0 + i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a[a0 + i++]));
            } else {
                out.add(new Line(Kind.ADDED, b[b0 + j++]));
            }
        }
        while (i < n) out.add(new Line(Kind.REMOVED, a[a0 + i++]));
        while (j < m) out.add(new Line(Kind.ADDED, b[b0 + j++]));
    }
}
