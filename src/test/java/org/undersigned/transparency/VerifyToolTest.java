package org.undersigned.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.undersigned.support.OfflineVerifier.verify;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.OfflineVerifier;
import org.undersigned.support.OfflineVerifier.Run;
import org.undersigned.support.Superuser;
import org.undersigned.transparency.note.VerifierKey;

/**
 * The journalist's verifier (verify/Verify.java) run as a separate JDK process against this server, as a journalist
 * would run it: it passes on an honest log and catches an entry changed behind the database's back. Its letter,
 * verify-letter, is used by no other test, since the last test here breaks that letter's log for good.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyToolTest {

    static final String LETTER = "verify-letter";
    private static boolean logged;

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "undersigned.public-url")
    String publicUrl;

    @Test
    @Order(1)
    void anHonestLogPassesEveryCheckAndTheRecountCountsOnlyLiveSigners() throws Exception {
        logThreeSigners();
        assertThat(Counted.total(LETTER, log)).isEqualTo(2);

        Run run = OfflineVerifier.fromSource(publicUrl, LETTER); // the journalist's command

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("OK  verifier key of " + origin() + " (key ")
                .contains("OK  checkpoint signature by " + origin())
                .contains("OK  Merkle root recomputed from the 4 entries equals the signed root")
                .contains("OK  recounted 2 signatures from the log, as published")
                .contains("OK  1 listed names checked")
                .contains(
                        "OK  no key rotation in the log, and the checkpoint is signed by the key in effect at its size")
                .contains("All 14 checks passed: 2 signatures counted at tree size 4.")
                .doesNotContain("FAIL", "@example.org", "Pat Private");
    }

    @Test
    @Order(2)
    void aPinnedKeyReplacesTheServersKeyListAndAnyOtherKeyIsRefused() throws Exception {
        logThreeSigners();
        String key = given().get("/.well-known/undersigned/keys")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> line.startsWith(origin() + "+"))
                .findFirst()
                .orElseThrow();
        Run pinned = verify("--key", key, publicUrl, LETTER);
        assertThat(pinned.exit()).as(pinned.output()).isZero();
        assertThat(pinned.output()).contains("pinned with --key").contains("All 14 checks passed");

        byte[] encoded = KeyPairGenerator.getInstance("Ed25519")
                .generateKeyPair()
                .getPublic()
                .getEncoded();
        String impostor = VerifierKey.of(origin(), Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length))
                .format();
        Run refused = verify("--key", impostor, publicUrl, LETTER);
        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output())
                .contains("FAIL the checkpoint carries no signature by " + origin())
                .contains("checks FAILED");

        String misnamed = key.replaceFirst("^[^+]+", "letters.example.org/log/" + LETTER);
        assertThat(verify("--key", misnamed, publicUrl, LETTER).output())
                .contains("FAIL the verifier key is for letters.example.org/log/" + LETTER);
    }

    @Test
    @Order(3)
    void theDatabaseRefusesToChangeOrDeleteALoggedEntry() throws Exception {
        logThreeSigners();
        long letter = letterId();
        assertThat(entries(letter)).isPositive();

        // the application's role may not (DatabaseRolesTest); the triggers refuse even the tables' owner
        try (Connection owner = Superuser.owner();
                Statement s = owner.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate(
                            "UPDATE log_entry SET entry = replace(entry, 'signature', 'withdrawal') WHERE letter_id = "
                                    + letter))
                    .hasMessageContaining("the transparency log is append-only: UPDATE on log_entry refused");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM log_entry WHERE letter_id = " + letter))
                    .hasMessageContaining("the transparency log is append-only: DELETE on log_entry refused");
        }

        Run run = verify(publicUrl, LETTER);
        assertThat(run.exit()).as(run.output()).isZero();
    }

    @Test
    @Order(4)
    void anEntryChangedBehindTheTriggersIsCaughtAsARootMismatch() throws Exception {
        logThreeSigners();
        long letter = letterId();
        // only a superuser can do this: replica mode skips the append-only triggers for this transaction
        try (Connection c = Superuser.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
                String entry;
                try (ResultSet r =
                        s.executeQuery("SELECT entry FROM log_entry WHERE letter_id = " + letter + " AND idx = 0")) {
                    r.next();
                    entry = r.getString(1);
                }
                int at = entry.indexOf("\"signer\":\"") + "\"signer\":\"".length();
                String forged =
                        entry.substring(0, at) + (entry.charAt(at) == '0' ? '1' : '0') + entry.substring(at + 1);
                try (PreparedStatement u =
                        c.prepareStatement("UPDATE log_entry SET entry = ? WHERE letter_id = ? AND idx = 0")) {
                    u.setString(1, forged);
                    u.setLong(2, letter);
                    u.executeUpdate();
                }
            }
            c.commit();
        }

        Run run = verify(publicUrl, LETTER);

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("OK  checkpoint signature by " + origin()) // the signed checkpoint itself is untouched
                .contains("FAIL Merkle root mismatch: the entries hash to ")
                .contains("FAIL hash tile 0/0 does not hold the hash of entry 0")
                .contains("checks FAILED")
                .doesNotContain("All 14 checks passed");
    }

    @Test
    void anEmptyLogVerifiesAsASignedCheckpointOfSizeZero() throws Exception {
        Run run = verify(publicUrl, "closed-letter"); // closed-letter takes no signatures
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("tree size 0, root 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
                .contains("downloaded 0 entries");
    }

    @Test
    void usageErrorsExitWithStatusTwo() throws Exception {
        assertThat(verify().exit()).isEqualTo(2);
        assertThat(verify("not-a-url", LETTER).exit()).isEqualTo(2);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /**
     * Once per run: a public signer, a private one, and a public one who then withdraws through the mailed link:
     * four entries, two of them live signers, one listed name.
     */
    void logThreeSigners() {
        if (logged) {
            return;
        }
        confirm("Vera Verifiable", unique("vera"), "public", "Example Institute");
        confirm("Pat Private", unique("pat"), "private", null);
        String gone = unique("wanda");
        confirm("Wanda Withdrawn", gone, "public", null);
        String withdraw = Mailbox.link(Mailbox.await(mail, gone, 2), "/withdraw/");
        FormSession.open(withdraw).post().post(withdraw).then().statusCode(200);
        Counted.settle(log);
        logged = true;
    }

    /** Runs verify/Verify.java with the JDK running the tests, from the project root, as a journalist would. */
    /** The log's origin, as the verifier derives it from the public URL. */
    String origin() {
        URI uri = URI.create(publicUrl);
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/log/" + LETTER;
    }

    long letterId() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT id FROM letter WHERE slug = :slug")
                                .setParameter("slug", LETTER)
                                .getSingleResult())
                        .longValue());
    }

    long entries(long letter) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM log_entry WHERE letter_id = :letter")
                                .setParameter("letter", letter)
                                .getSingleResult())
                        .longValue());
    }

    /** Signs through the public API and confirms through the mailed link. */
    void confirm(String name, String email, String listing, String organisation) {
        Map<String, String> body = new HashMap<>(Map.of("name", name, "email", email, "listing", listing));
        if (organisation != null) {
            body.put("organisation", organisation);
        }
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(202);
        String link = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        FormSession.open(link).post().post(link).then().statusCode(200);
    }

    static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
