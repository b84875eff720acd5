package org.undersigned.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** What a test reads from (a count, mostly) or writes straight to the database, its parameters bound in order. */
public final class Rows {

    private Rows() {}

    public static long count(DataSource dataSource, String sql, Object... parameters) {
        return run(dataSource, sql, parameters, q -> {
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    /** Writes what the app would not write itself (a row it would never leave behind); returns the rows changed. */
    public static long update(DataSource dataSource, String sql, Object... parameters) {
        return run(dataSource, sql, parameters, PreparedStatement::executeUpdate);
    }

    private interface Statement {
        long apply(PreparedStatement q) throws SQLException;
    }

    private static long run(DataSource dataSource, String sql, Object[] parameters, Statement statement) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            return statement.apply(q);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Waits up to 10 s for {@code sql}'s count to be {@code expected}; returns the last count read. */
    public static long awaitCount(long expected, DataSource dataSource, String sql, Object... parameters) {
        long deadline = System.currentTimeMillis() + 10_000;
        long n = count(dataSource, sql, parameters);
        while (n != expected && System.currentTimeMillis() < deadline) {
            Mailbox.sleep(100);
            n = count(dataSource, sql, parameters);
        }
        return n;
    }
}
