package kiji.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.core.statement.UnableToCreateStatementException;

/**
 * Jdbi's {@code :name} parameters and {@code <name>} attributes, read by hand-written scanners
 * instead of Jdbi's ANTLR lexers. The text they give is Jdbi's to the character (the rules of its
 * {@code ColonStatementLexer} and {@code DefineStatementLexer} grammars in Jdbi 3.55, longest
 * match first: comments and quoted text pass through, a backslash escapes the next character,
 * {@code ::} and {@code ??} are literals, names are Java letters and digits); {@code SqlTextTest} compares them with Jdbi's on tricky text, and with
 * {@code -Dkiji.sql.check=true} (set for the test suite) every statement the tests run is
 * compared too.
 *
 * <p>Why: each new statement text runs ANTLR's lexer simulation, which is cold at start-up; on a
 * 2-core machine interpreting it and then compiling its {@code closure} with C2 cost ~0.15 s of
 * CPU before the first page (docs/benchmarks.md, start-up, session 6).
 */
public final class SqlText {
    private static final boolean CHECK = Boolean.getBoolean("kiji.sql.check");
    /** Texts differ by list lengths ({@code bindList}); past this many the cache starts over. */
    private static final int CACHE_LIMIT = 1_000;

    private SqlText() {}

    /** Installs both on {@code jdbi}'s statements. */
    public static void install(org.jdbi.v3.core.Jdbi jdbi) {
        var statements = jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class);
        statements.setSqlParser(new ColonParameters());
        statements.setTemplateEngine(new DefinedAttributes());
    }

    /** {@code :name} and {@code ?} parameters, as Jdbi's {@code ColonPrefixSqlParser} reads them. */
    public static final class ColonParameters implements SqlParser {
        private final Map<String, ParsedSql> cache = new ConcurrentHashMap<>();

        @Override
        public ParsedSql parse(String sql, StatementContext ctx) {
            var parsed = cache.get(sql);
            if (parsed != null) return parsed;
            parsed = parse(sql);
            if (CHECK) Check.sameAsJdbi(sql, parsed, ctx);
            if (cache.size() >= CACHE_LIMIT) cache.clear();
            cache.put(sql, parsed);
            return parsed;
        }

        @Override
        public String nameParameter(String rawName, StatementContext ctx) {
            return ":" + rawName;
        }

        static ParsedSql parse(String sql) {
            var out = ParsedSql.builder();
            out.append(scan(sql, (s, i, text) -> {
                char c = s.charAt(i);
                if ((c == ':' || c == '?') && i + 1 < s.length() && s.charAt(i + 1) == c) { // :: and ?? are text
                    text.append(c).append(c);
                    return i + 2;
                }
                int end;
                if (c == ':' && (end = nameEnd(s, i + 1)) > i + 1) {
                    out.append(take(text));
                    out.appendNamedParameter(s.substring(i + 1, end));
                    return end;
                }
                if (c == '?') {
                    out.append(take(text));
                    out.appendPositionalParameter();
                    return i + 1;
                }
                return i;
            }));
            return out.build();
        }

        /** Where a parameter name starting at {@code from} ends: name characters, {@code .} and {@code ?.}. */
        private static int nameEnd(String sql, int from) {
            int i = from;
            while (i < sql.length()) {
                int next = nameCharEnd(sql, i);
                if (next > i) i = next;
                else if (sql.charAt(i) == '.') i++;
                else if (sql.charAt(i) == '?' && i + 1 < sql.length() && sql.charAt(i + 1) == '.') i += 2;
                else break;
            }
            return i;
        }
    }

    /** {@code <name>} attributes, as Jdbi's {@code DefinedAttributeTemplateEngine} reads them. */
    public static final class DefinedAttributes implements TemplateEngine.Parsing {
        @Override
        public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
            List<Object> parts = new ArrayList<>(); // String: text; Attribute: a name to look up
            var rest = scan(template, (s, i, text) -> {
                int end;
                if (s.charAt(i) == '<' && (end = attributeEnd(s, i + 1)) > i + 1 && end < s.length()
                        && s.charAt(end) == '>') {
                    if (!text.isEmpty()) parts.add(take(text));
                    parts.add(new Attribute(s.substring(i + 1, end), s.substring(i, end + 1)));
                    return end + 1;
                }
                return i;
            });
            if (!rest.isEmpty()) parts.add(rest);
            return Optional.of(ctx -> {
                var sql = render(template, parts, ctx);
                if (CHECK) Check.sameAsJdbi(template, sql, ctx);
                return sql;
            });
        }

        private static String render(String template, List<Object> parts, StatementContext ctx) {
            var out = new StringBuilder();
            for (var part : parts) {
                if (part instanceof Attribute a) {
                    Object value = ctx.getAttribute(a.name());
                    if (value == null) {
                        var e = new UnableToCreateStatementException("Undefined attribute for token '" + a.token() + "'", ctx);
                        throw new UnableToCreateStatementException("Error rendering SQL template: '" + template + "'", e, ctx);
                    }
                    out.append(value);
                } else {
                    out.append((String) part);
                }
            }
            return out.toString();
        }

        private static int attributeEnd(String template, int from) {
            int i = from;
            for (int next; i < template.length() && (next = nameCharEnd(template, i)) > i; ) i = next;
            return i;
        }

        record Attribute(String name, String token) {}
    }

    /** What a scanner makes of the characters that are not plain text. */
    private interface Tokens {
        /**
         * The end of a token starting at {@code i}, handed over with the {@code text} before it;
         * {@code i} when none starts there.
         */
        int at(String s, int i, StringBuilder text);
    }

    /**
     * Both grammars' walk over {@code s}: comments and quoted text pass through, a backslash
     * escapes the next character, and the rest is text unless {@code tokens} takes it. Returns
     * the text after the last token.
     */
    private static String scan(String s, Tokens tokens) {
        var text = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int end = passThrough(s, i);
            if (end > i) {
                text.append(s, i, end);
            } else if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                text.append(s.charAt(i + 1));
                end = i + 2;
            } else if ((end = tokens.at(s, i, text)) == i) {
                text.append(s.charAt(i));
                end = i + 1;
            }
            i = end;
        }
        return text.toString();
    }

    private static String take(StringBuilder text) {
        var t = text.toString();
        text.setLength(0);
        return t;
    }

    /**
     * Where the name character at {@code i} ends (exclusive), or {@code i} when there is none: both
     * grammars' {@code JAVA_LETTER | [0-9]}, that is ASCII letters, digits, {@code $} and {@code _},
     * any other non-ASCII character but a high surrogate, and a surrogate pair.
     */
    static int nameCharEnd(String s, int i) {
        char c = s.charAt(i);
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '$' || c == '_') return i + 1;
        if (c < 0x80) return i;
        if (!Character.isHighSurrogate(c)) return i + 1;
        return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? i + 2 : i;
    }

    /**
     * Where the comment or quoted text starting at {@code i} ends (exclusive), or {@code i} when
     * none starts there. Both grammars share these rules: {@code /* ... *}{@code /}, and
     * {@code --} or {@code //} to the end of the line; {@code '...'} with {@code \'} inside, as
     * long as the lexer can make it (see {@link #quoteEnd}); {@code "..."} with at least one
     * character.
     */
    static int passThrough(String s, int i) {
        char c = s.charAt(i);
        char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
        if (c == '/' && next == '*') {
            int close = s.indexOf("*/", i + 2);
            return close < 0 ? i : close + 2;
        }
        if (c == '-' && next == '-' || c == '/' && next == '/') {
            int end = i + 2;
            while (end < s.length() && s.charAt(end) != '\r' && s.charAt(end) != '\n') end++;
            return end;
        }
        if (c == '\'') return quoteEnd(s, i);
        if (c == '"') {
            int close = s.indexOf('"', i + 1);
            return close > i + 1 ? close + 1 : i;
        }
        return i;
    }

    /**
     * {@code QUOTE (ESCAPE_QUOTE | ~'\'')* QUOTE}, longest match: a quote after a backslash may
     * either continue the text ({@code \'}) or close it (the backslash being text), so the token
     * ends at the first quote without a backslash before it; when there is none, at the last
     * quote; when there is no quote at all, there is no token.
     */
    private static int quoteEnd(String s, int open) {
        int last = -1;
        for (int i = open + 1; i < s.length(); i++) {
            if (s.charAt(i) != '\'') continue;
            if (s.charAt(i - 1) != '\\') return i + 1;
            last = i;
        }
        return last < 0 ? open : last + 1;
    }

    /** The test suite's check against Jdbi's own parsers. */
    private static final class Check {
        private static final org.jdbi.v3.core.statement.ColonPrefixSqlParser JDBI_PARSER =
                new org.jdbi.v3.core.statement.ColonPrefixSqlParser();
        private static final org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine JDBI_ENGINE =
                new org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine();

        static void sameAsJdbi(String sql, ParsedSql ours, StatementContext ctx) {
            var theirs = JDBI_PARSER.parse(sql, ctx);
            if (!theirs.getSql().equals(ours.getSql())
                    || !theirs.getParameters().getParameterNames().equals(ours.getParameters().getParameterNames())
                    || theirs.getParameters().isPositional() != ours.getParameters().isPositional()) {
                throw new IllegalStateException("SqlText reads " + sql + " as " + ours + ", Jdbi as " + theirs);
            }
        }

        static void sameAsJdbi(String template, String ours, StatementContext ctx) {
            var theirs = JDBI_ENGINE.parse(template, ctx.getConfig()).orElseThrow().apply(ctx);
            if (!theirs.equals(ours)) {
                throw new IllegalStateException("SqlText renders " + template + " as " + ours + ", Jdbi as " + theirs);
            }
        }
    }
}
