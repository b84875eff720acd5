package org.undersigned.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives each test run its own fresh PostgreSQL database and drops it when the run ends, so runs never clash. As in
 * production there are two roles, made per run because roles are cluster-wide: the database's owner, which runs the
 * migrations, and the role the application runs as, which has only what the migrations grant it.
 * The admin connection defaults to user postgres on 127.0.0.1:5432/postgres and can be overridden with
 * UNDERSIGNED_TEST_PG_URL, UNDERSIGNED_TEST_PG_USER and UNDERSIGNED_TEST_PG_PASSWORD.
 * It also copies src/test/content to target/test-content, a working copy that tests may add versions to, and picks
 * a free port for the management interface (health, metrics) unless UNDERSIGNED_TEST_MANAGEMENT_PORT names one.
 */
public class TestDatabase implements LauncherSessionListener {

    private static final String ADMIN_URL = env("UNDERSIGNED_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("UNDERSIGNED_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("UNDERSIGNED_TEST_PG_PASSWORD", "");

    private String name;
    private String owner;
    private String app;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        name = "undersigned_test_" + run;
        owner = "undersigned_owner_" + run;
        app = "undersigned_app_" + run;
        String ownerPassword = UUID.randomUUID().toString();
        String appPassword = UUID.randomUUID().toString();
        admin("CREATE ROLE " + owner + " LOGIN PASSWORD '" + ownerPassword + "'");
        admin("CREATE ROLE " + app + " LOGIN PASSWORD '" + appPassword + "'");
        admin("CREATE DATABASE " + name + " OWNER " + owner);
        String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
        System.setProperty("undersigned.test.jdbc-url", url);
        System.setProperty("undersigned.test.username", app);
        System.setProperty("undersigned.test.password", appPassword);
        System.setProperty("undersigned.test.owner", owner);
        System.setProperty("undersigned.test.owner-password", ownerPassword);
        // tests that play a restore from backup or tamper below the application act as the cluster's administrator
        System.setProperty("undersigned.test.admin-username", USER);
        System.setProperty("undersigned.test.admin-password", PASSWORD);
        // Not 0: with port 0 the management server's metrics lack the server.port tag that the main server's have,
        // and Micrometer's Prometheus registry then refuses to bind it (Quarkus 3.34).
        System.setProperty("undersigned.test.management-port", String.valueOf(freePort()));
        copyContent(Path.of("src/test/content"), Path.of("target/test-content"));
    }

    public static void copyContent(Path from, Path to) {
        try {
            if (Files.exists(to)) {
                try (Stream<Path> old = Files.walk(to)) {
                    old.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            try (Stream<Path> files = Files.walk(from)) {
                for (Path p : files.toList()) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (name != null) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            admin("DROP ROLE IF EXISTS " + app);
            admin("DROP ROLE IF EXISTS " + owner);
        }
    }

    private static void admin(String sql) {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        try (Connection c = DriverManager.getConnection(ADMIN_URL, props);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need PostgreSQL at " + ADMIN_URL + " as " + USER + ": " + sql, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
