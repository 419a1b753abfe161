package kiji.ranking;

/**
 * The longest run of literal characters a regular expression requires in every match, read
 * conservatively: only outside groups and classes, never next to a quantifier, and nothing at
 * all when the pattern has a top-level alternative. An empty answer means "could not tell".
 */
final class RequiredLiteral {
    private RequiredLiteral() {}

    static String of(String regex) {
        if (hasTopLevelAlternative(regex)) return "";
        String best = "";
        var run = new StringBuilder();
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(++i);
                if (depth == 0 && !inClass && !Character.isLetterOrDigit(next)) {
                    run.append(next);
                    continue;
                }
                best = longer(best, run);
                continue;
            }
            if (inClass) {
                if (c == ']') inClass = false;
                continue;
            }
            switch (c) {
                case '[' -> { inClass = true; best = longer(best, run); }
                case '(' -> { depth++; best = longer(best, run); }
                case ')' -> { depth--; best = longer(best, run); }
                case '?', '*', '{' -> {
                    // the quantifier makes the previous character optional: the run ends before it
                    if (run.length() > 0) run.setLength(run.length() - 1);
                    best = longer(best, run);
                    if (c == '{') while (i + 1 < regex.length() && regex.charAt(i) != '}') i++;
                }
                case '.', '^', '$', '+', '|' -> best = longer(best, run);
                default -> {
                    if (depth == 0) run.append(c);
                }
            }
        }
        return longer(best, run);
    }

    private static String longer(String best, StringBuilder run) {
        String candidate = run.toString();
        run.setLength(0);
        return candidate.length() > best.length() ? candidate : best;
    }

    private static boolean hasTopLevelAlternative(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == ']') inClass = false;
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }
}
