package org.undersigned.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Superuser;

/**
 * The application runs as a role of its own, not the owner that ran the migrations: on every table it has exactly the
 * privileges stated here, and PostgreSQL itself refuses the rest (not the append-only triggers, which it never
 * reaches).
 */
@QuarkusTest
class DatabaseRolesTest {

    private static final Set<String> READ_APPEND = Set.of("SELECT", "INSERT");
    private static final Set<String> ALL_ROWS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");

    /** Every table and what the application's role may do on it; a new table must be added here with its grants. */
    private static final Map<String, Set<String>> STATED = new TreeMap<>(Map.ofEntries(
            Map.entry("log_entry", READ_APPEND),
            Map.entry("log_hash", READ_APPEND),
            Map.entry("log_checkpoint", READ_APPEND),
            Map.entry("log_tile", READ_APPEND),
            Map.entry("log_cosignature", READ_APPEND),
            Map.entry("log_key", READ_APPEND),
            Map.entry("thread_archive", READ_APPEND),
            Map.entry("letter_count_at", READ_APPEND),
            Map.entry("log_head", Set.of("SELECT", "INSERT", "UPDATE")),
            Map.entry("log_pending", Set.of("SELECT", "INSERT", "DELETE")),
            Map.entry("flyway_schema_history", Set.of()),
            Map.entry("app_lock", ALL_ROWS),
            Map.entry("app_secret", ALL_ROWS),
            Map.entry("attestation", ALL_ROWS),
            Map.entry("audit_event", ALL_ROWS),
            Map.entry("count_audit", ALL_ROWS),
            Map.entry("count_audit_signer", ALL_ROWS),
            Map.entry("count_audit_total", ALL_ROWS),
            Map.entry("demo_letter", ALL_ROWS),
            Map.entry("dispute", ALL_ROWS),
            Map.entry("signatory_snapshot", ALL_ROWS),
            Map.entry("signatory_snapshot_part", ALL_ROWS),
            Map.entry("letter", ALL_ROWS),
            Map.entry("letter_count", ALL_ROWS),
            Map.entry("letter_milestone", ALL_ROWS),
            Map.entry("letter_organiser", ALL_ROWS),
            Map.entry("letter_version", ALL_ROWS),
            Map.entry("mail_outbox", ALL_ROWS),
            Map.entry("mail_shape", ALL_ROWS),
            Map.entry("notification_campaign", ALL_ROWS),
            Map.entry("organiser_account", ALL_ROWS),
            Map.entry("organiser_invitation", ALL_ROWS),
            Map.entry("organiser_token", Set.of("SELECT", "INSERT", "DELETE")),
            Map.entry("organiser_token_revocation", ALL_ROWS),
            Map.entry("passkey", ALL_ROWS),
            Map.entry("press_subscriber", ALL_ROWS),
            Map.entry("passkey_challenge", ALL_ROWS),
            Map.entry("rate_limit", ALL_ROWS),
            Map.entry("reaffirm_campaign", ALL_ROWS),
            Map.entry("signature", ALL_ROWS),
            Map.entry("signature_token", ALL_ROWS),
            Map.entry("signer_session", ALL_ROWS),
            Map.entry("signup_signal", ALL_ROWS),
            Map.entry("signup_signal_mark", ALL_ROWS),
            Map.entry("thread_entry", ALL_ROWS)));

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.username")
    String appRole;

    @Test
    void theApplicationsRoleHasExactlyTheStatedPrivilegesOnEveryTable() throws Exception {
        Map<String, Set<String>> actual = new TreeMap<>();
        try (Connection admin = Superuser.connect();
                Statement s = admin.createStatement();
                ResultSet r = s.executeQuery("SELECT t.tablename, p.privilege FROM pg_tables t CROSS JOIN (VALUES "
                        + "('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE'), ('REFERENCES'), ('TRIGGER')) "
                        + "AS p(privilege) WHERE t.schemaname = 'public' AND has_table_privilege('" + appRole
                        + "', 'public.' || t.tablename, p.privilege) ORDER BY 1, 2")) {
            try (ResultSet tables = admin.createStatement()
                    .executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (tables.next()) {
                    actual.put(tables.getString(1), new TreeSet<>());
                }
            }
            while (r.next()) {
                actual.get(r.getString(1)).add(r.getString(2));
            }
        }
        Map<String, Set<String>> stated = new TreeMap<>();
        STATED.forEach((table, privileges) -> stated.put(table, new TreeSet<>(privileges)));
        assertThat(actual).isEqualTo(stated);
        try (Connection admin = Superuser.connect();
                Statement s = admin.createStatement();
                ResultSet owners =
                        s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = '"
                                + appRole + "'")) {
            owners.next();
            assertThat(owners.getLong(1))
                    .as("the application's role owns no table")
                    .isZero();
        }
    }

    @Test
    void postgresRefusesWhatTheApplicationsRoleMayNotDo() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertThat(c.getMetaData().getUserName()).isEqualTo(appRole);
            for (String sql : List.of(
                    "DELETE FROM log_head",
                    "UPDATE log_pending SET entry = entry",
                    "UPDATE log_entry SET entry = entry",
                    "DELETE FROM log_entry",
                    "TRUNCATE log_entry",
                    "TRUNCATE letter_count_at")) {
                String table = sql.replaceAll(".*(?:FROM|UPDATE|TRUNCATE) (\\w+).*", "$1");
                assertThatThrownBy(() -> s.execute(sql))
                        .as(sql)
                        .hasMessageContaining("permission denied for table " + table);
            }
            // PostgreSQL 15 says "table" for one and "relation" for the other
            assertThatThrownBy(() -> s.execute("DROP TRIGGER log_entry_append_only ON log_entry"))
                    .hasMessageMatching(".*must be owner of (table|relation) log_entry.*");
            assertThatThrownBy(() -> s.execute("ALTER TABLE log_entry DISABLE TRIGGER ALL"))
                    .hasMessageMatching(".*must be owner of (table|relation) log_entry.*");
        }
    }
}
