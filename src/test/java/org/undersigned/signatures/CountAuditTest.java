package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.undersigned.organisers.OrganiserTokens;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Signing;

/**
 * The stored counts are a cache of the log's count rule: the replay of the log agrees with them after real signing,
 * and a count row changed behind the sequencer's back is found, raises the alarm and is corrected from the log.
 */
@QuarkusTest
class CountAuditTest {

    private static final String LETTER = "audited-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    DataSource dataSource;

    @Inject
    OrganiserTokens tokens;

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Test
    void aCountChangedBehindTheLogsBackIsFoundAlarmedAndCorrectedFromTheLog() throws Exception {
        String admin = tokens.mint("admin-auditor", OrganiserTokens.ADMIN, List.of(), null)
                .token();
        Signing.signAndConfirm(mail, LETTER, signer("Ada Audited", "Example University"));
        Map<String, String> bert = signer("Bert Audited", null);
        Signing.signAndConfirm(mail, LETTER, bert);
        Signing.signAndConfirm(mail, LETTER, signer("Cleo Audited", null));
        await(() -> count().get("total").equals(3));
        withdraw(bert.get("email"));
        await(() -> count().get("total").equals(2));

        // the full replay of the real log agrees with every stored dimension
        Map<String, Object> replay = given().auth()
                .oauth2(admin)
                .post("/api/admin/letters/" + LETTER + "/count-audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertThat(replay).containsEntry("matched", true).containsEntry("differences", Map.of());
        assertThat(readiness()).doesNotContain("COUNT MISMATCH " + LETTER);
        Map<String, Object> before = count();

        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            String letter = "(SELECT id FROM letter WHERE slug = '" + LETTER + "')";
            s.executeUpdate(
                    "UPDATE letter_count SET n = n + 1000 WHERE letter_id = " + letter + " AND dimension = 'total'");
            s.executeUpdate("UPDATE letter_count SET n = n + 1000 WHERE letter_id = " + letter
                    + " AND dimension = 'identity' AND k = 'email'");
        }
        assertThat(count().get("total"))
                .as("the tampered count is served until the audit")
                .isEqualTo(1002);

        // the periodic audit (each second in tests) finds it with nothing signed since
        await(() -> readiness().contains("COUNT MISMATCH " + LETTER));
        assertThat(count().get("total")).as("corrected from the log").isEqualTo(2);
        Map<String, Object> after = count();
        for (String field : List.of("total", "byLevel", "byIdentity", "byVersion", "byOrganisation", "checkpoint")) {
            assertThat(after.get(field)).as(field).isEqualTo(before.get(field));
        }
        assertThat(metric("undersigned_count_alarms")).isGreaterThanOrEqualTo(1);

        given().auth()
                .oauth2(admin)
                .post("/api/admin/letters/no-such-letter/count-audit")
                .then()
                .statusCode(404);
    }

    private static Map<String, String> signer(String name, String organisation) {
        Map<String, String> body = new java.util.HashMap<>(Map.of(
                "name",
                name,
                "email",
                Signing.address(name.split(" ")[0].toLowerCase(), "example.org"),
                "listing",
                "public"));
        if (organisation != null) {
            body.put("organisation", organisation);
        }
        return body;
    }

    /** Withdraws through the link of the receipt mail, as a signer would. */
    private void withdraw(String email) {
        String link = Mailbox.link(Mailbox.await(mail, email, 2), "/withdraw/");
        FormSession.open(link).post().post(link).then().statusCode(200);
    }

    private static Map<String, Object> count() {
        return given().get("/api/letters/" + LETTER + "/count").jsonPath().getMap("");
    }

    private String readiness() {
        return given().port(managementPort).get("/q/health/ready").asString();
    }

    private double metric(String name) {
        return given().port(managementPort)
                .get("/q/metrics")
                .asString()
                .lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 30 s").isBefore(deadline);
            Mailbox.sleep(200);
        }
    }
}
