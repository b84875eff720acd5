package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Counted;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.OfflineVerifier;
import org.undersigned.support.Signing;
import org.undersigned.transparency.TransparencyLog;

/**
 * Signatures stored before mailbox keys (addresses lower-cased whole, +tags and decorations kept) get their keys; the
 * later duplicates of one mailbox end, counted ones with a duplicate-mailbox invalidation in the log, which verifies.
 */
@QuarkusTest
class MailboxKeysTest {

    private static final String LETTER = "mailbox-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Inject
    MailboxKeys keys;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "undersigned.public-url")
    String publicUrl;

    @Test
    void theLaterDuplicatesOfOneMailboxEndExactlyAndTheLogStillVerifies() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String early = "early" + u + "@example.org";
        String first =
                Signing.signAndConfirm(mail, LETTER, Map.of("name", "Ed Early", "email", early, "listing", "public"));
        String late = Signing.signAndConfirm(
                mail, LETTER, Map.of("name", "Lee Late", "email", "late" + u + "@example.org", "listing", "private"));
        String decorated = Signing.signAndConfirm(
                mail, LETTER, Map.of("name", "Jay Junk", "email", "junk" + u + "@example.org", "listing", "public"));
        String pending = SigningFlowTest.sign(
                        Map.of("name", "Pat Pending", "email", "pend" + u + "@example.org", "listing", "public"),
                        LETTER)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String other = Signing.signAndConfirm(
                mail, LETTER, Map.of("name", "Oz Other", "email", "other" + u + "@example.org", "listing", "public"));
        long before = Counted.total(LETTER, log);
        long invalidationsBefore = duplicateInvalidations();

        // as sign-ups were stored before mailbox keys: the whole address lower-cased, everything else kept
        storedAsBefore(late, "early" + u + "+x@example.org");
        storedAsBefore(decorated, "x<early" + u + "@example.org>");
        storedAsBefore(pending, "early" + u + "+y@example.org");

        assertThat(QuarkusTransaction.requiringNew().call(keys::rekey)).isEqualTo(3);

        assertThat(Counted.total(LETTER, log)).isEqualTo(before - 2);
        assertThat(status(first)).isEqualTo("confirmed");
        assertThat(status(other)).isEqualTo("confirmed");
        assertThat(status(late)).isEqualTo("rejected");
        assertThat(status(decorated)).isEqualTo("rejected");
        assertThat(status(pending)).isEqualTo("rejected");
        assertThat(duplicateInvalidations()).isEqualTo(invalidationsBefore + 2);
        // done once: a second run finds nothing to do
        assertThat(QuarkusTransaction.requiringNew().call(keys::rekey)).isZero();

        OfflineVerifier.Run run = OfflineVerifier.verify(publicUrl, LETTER);
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("recounted " + (before - 2) + " signatures from the log, as published");

        // and the mailbox that stayed is found under any spelling: a repeat, told it has signed
        SigningFlowTest.sign(
                        Map.of("name", "Ed Early", "email", "Early" + u + "+z@example.org", "listing", "public"),
                        LETTER)
                .then()
                .statusCode(202);
        assertThat(Mailbox.subject(Mailbox.await(mail, early, 3))).startsWith("You have already signed");
        assertThat(Counted.total(LETTER, log)).isEqualTo(before - 2);
    }

    private void storedAsBefore(String id, String email) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE signature SET email = ?1, live_key = ?1 WHERE id = ?2")
                        .setParameter(1, email)
                        .setParameter(2, UUID.fromString(id))
                        .executeUpdate());
    }

    private static String status(String id) {
        return given().get("/api/signatures/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    /** How many duplicate-mailbox invalidations the letter's log holds (its entries fit in one bundle here). */
    private long duplicateInvalidations() {
        long size = given().get("/api/letters/" + LETTER + "/count")
                .then()
                .extract()
                .jsonPath()
                .getLong("checkpoint.size");
        if (size == 0) {
            return 0;
        }
        String entries = new String(
                given().get("/log/" + LETTER + "/tile/entries/000" + (size < 256 ? ".p/" + size : ""))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                UTF_8);
        return entries.split("\"reason\":\"duplicate-mailbox\"", -1).length - 1L;
    }
}
