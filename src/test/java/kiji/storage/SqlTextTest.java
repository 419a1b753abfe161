package kiji.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Kiji's scanners give Jdbi's text to the character, on text written to trip them up. */
class SqlTextTest {
    static List<String> texts() {
        return List.of(
                "SELECT * FROM article a WHERE a.id = :id AND a.slug = :slug",
                "SELECT x::int, y ::text FROM t WHERE z = :z::bigint",
                ":::a", "a ?? b ? c", "? and ? and ?", "?.x", ":a.b :c#d :e?.f :?.g :h$x :_i :9", ":h?x :i?", "a ? :b", ":a\uD83D\uDE00b :c\uD83Dd :e\uDE00f",
                "'quoted :notparam'", "'it''s :x' :y", "'a\\' :x", "'a\\' b' :x", "'a\\\\' :x' :y", "'\\'' :z",
                "'unterminated :p", "'", "''", "\"col:x\" :y", "\"\" :x \"\" :y", "\"unterminated :q",
                "/* :c */ :d", "/* unterminated :e", "/**/:f", "\\:notparam :real", "a\\\\b", "trailing \\", ": alone",
                "?", "::", "x<y>z", "<a> <b_1> < c> <> <d", "'<q>' \"<dq>\" /*<c>*/ <real>", "\\<esc> <a>",
                "WHERE n < :max AND m > :min", "IN (<ids>)", "a <= :b AND c <> :d", "<a><b_1>", "<a:x>", ":<a>",
                "日本語 :名前 :ok <属性>", "-- :comment\n:after", "-- <c>\r\n<a>", "// :x <a>\n:y <a>", "a - :b -", "a / :b /",
                "--", "//", "/", "/*", "$1 :a $$ :b", "<a$> <$a>", "<a.b>");
    }

    @ParameterizedTest
    @MethodSource("texts")
    void parameters_are_read_as_jdbi_reads_them(String sql) {
        Throwable theirsFailed = catchThrowable(() -> new ColonPrefixSqlParser().parse(sql, null));
        Throwable oursFailed = catchThrowable(() -> SqlText.ColonParameters.parse(sql));
        if (theirsFailed != null) { // named and positional parameters mixed: both refuse, for the same reason
            assertThat(oursFailed).isNotNull();
            assertThat(theirsFailed).hasMessageContaining(oursFailed.getMessage());
            return;
        }
        assertThat(oursFailed).isNull();
        var ours = SqlText.ColonParameters.parse(sql);
        ParsedSql theirs = new ColonPrefixSqlParser().parse(sql, null);
        assertThat(ours.getSql()).isEqualTo(theirs.getSql());
        assertThat(ours.getParameters().getParameterNames()).isEqualTo(theirs.getParameters().getParameterNames());
        assertThat(ours.getParameters().isPositional()).isEqualTo(theirs.getParameters().isPositional());
    }

    @ParameterizedTest
    @MethodSource("texts")
    void attributes_are_rendered_as_jdbi_renders_them(String template) {
        var jdbi = Jdbi.create("jdbc:sqlite::memory:");
        try (var h = jdbi.open()) {
            StatementContext ctx = h.createQuery("SELECT 1").define("a", "A").define("b_1", "B1").define("real", "R")
                    .define("ids", ":__ids_0, :__ids_1").define("y", "Y").getContext();
            var config = ctx.getConfig();
            String ours = null;
            String theirs = null;
            Throwable oursFailed = catchThrowable(() -> new SqlText.DefinedAttributes().parse(template, config)
                    .orElseThrow().apply(ctx));
            Throwable theirsFailed = catchThrowable(() -> new DefinedAttributeTemplateEngine().parse(template, config)
                    .orElseThrow().apply(ctx));
            assertThat(oursFailed == null).as("fails when Jdbi fails: %s / %s", oursFailed, theirsFailed)
                    .isEqualTo(theirsFailed == null);
            if (oursFailed == null) {
                ours = new SqlText.DefinedAttributes().parse(template, config).orElseThrow().apply(ctx);
                theirs = new DefinedAttributeTemplateEngine().parse(template, config).orElseThrow().apply(ctx);
                assertThat(ours).isEqualTo(theirs);
            } else {
                assertThat(oursFailed).hasMessage(theirsFailed.getMessage());
            }
        }
    }
}
