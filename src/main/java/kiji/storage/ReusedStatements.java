package kiji.storage;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps each SQL text's prepared statement for reuse on one handle, for bulk work that runs the
 * same dozen statements a hundred thousand times (an import): neither SQLite's driver nor the
 * pool caches them, and preparing was a quarter of an import's time. A statement still in use
 * is never handed out twice; statements made for generated keys or updatable results are not
 * kept.
 */
public final class ReusedStatements implements StatementBuilder {
    private static final int MAX_KEPT = 64;
    private final StatementBuilder plain;
    private final Map<String, PreparedStatement> idle = new HashMap<>();
    /** the statements this builder may keep, by the SQL they were prepared from (Jdbi closes them naming its own text) */
    private final Map<Statement, String> keepable = new IdentityHashMap<>();

    private ReusedStatements(StatementBuilder plain) {
        this.plain = plain;
    }

    /** Runs {@code work} with {@code h}'s statements kept, then closes them and puts the handle back as it was. */
    public static void during(Handle h, Runnable work) {
        var previous = h.getStatementBuilder();
        var reused = new ReusedStatements(previous);
        h.setStatementBuilder(reused);
        try {
            work.run();
        } finally {
            h.setStatementBuilder(previous);
            reused.close(h.getConnection());
        }
    }

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return plain.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) return plain.create(conn, sql, ctx);
        var kept = idle.remove(sql);
        if (kept != null && !kept.isClosed()) return kept;
        var made = plain.create(conn, sql, ctx);
        keepable.put(made, sql);
        return made;
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        var prepared = keepable.get(stmt);
        if (prepared != null && stmt instanceof PreparedStatement p && !p.isClosed()
                && !idle.containsKey(prepared) && idle.size() < MAX_KEPT) {
            p.clearParameters();
            p.clearBatch();
            idle.put(prepared, p);
            return;
        }
        keepable.remove(stmt);
        plain.close(conn, sql, stmt);
    }

    @Override
    public void close(Connection conn) {
        for (var p : idle.values()) {
            try {
                p.close();
            } catch (SQLException ignored) {
                // the connection goes back to the pool either way
            }
        }
        idle.clear();
        keepable.clear();
        plain.close(conn);
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return plain.createCall(conn, sql, ctx);
    }
}
