package org.undersigned.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The test database as its cluster's administrator sees it: for what no application role can do, such as playing a
 * restore from backup (which writes below the append-only triggers) or tampering with the log.
 */
public final class Superuser {

    private Superuser() {}

    /** Runs {@code statements} in one transaction. */
    public static void run(String... statements) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            c.commit();
        }
    }

    public static Connection connect() throws SQLException {
        return connect(
                System.getProperty("undersigned.test.admin-username"),
                System.getProperty("undersigned.test.admin-password", ""));
    }

    /** The database's owner, which runs the migrations. */
    public static Connection owner() throws SQLException {
        return connect(
                System.getProperty("undersigned.test.owner"),
                System.getProperty("undersigned.test.owner-password", ""));
    }

    private static Connection connect(String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return DriverManager.getConnection(System.getProperty("undersigned.test.jdbc-url"), props);
    }
}
