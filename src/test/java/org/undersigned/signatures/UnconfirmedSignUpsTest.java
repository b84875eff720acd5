package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Signing;

/** Sign-ups nobody confirmed are forgotten once no link can act on them; everything else stays. */
@QuarkusTest
class UnconfirmedSignUpsTest {

    static final String LETTER = "sample-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    EntityManager em;

    @Inject
    UnconfirmedSignUps unconfirmed;

    @Test
    void anOldUnconfirmedSignUpIsDeletedAndTheAddressMaySignAgain() {
        String email = Signing.address("abandoned", "example.org");
        String old = signUp("Abandoned Person", email);
        String confirm = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        String recent = signUp("Recent Person", Signing.address("recent", "example.org"));
        String heldEmail = Signing.address("held", "example.org");
        String held = Signing.signAndConfirm(
                mail, LETTER, Map.of("name", "Geoffrey Hinton", "email", heldEmail, "listing", "public"));
        given().get("/api/signatures/" + held).then().body("status", equalTo("held"));
        age(old, 10);
        age(held, 10);

        assertThat(unconfirmed.purge()).isGreaterThanOrEqualTo(1);

        given().get("/api/signatures/" + old).then().statusCode(404);
        given().accept("text/html").get(confirm).then().body(containsString("This link is not valid"));
        given().get("/api/signatures/" + recent).then().statusCode(200).body("status", equalTo("pending-email"));
        given().get("/api/signatures/" + held).then().statusCode(200).body("status", equalTo("held"));
        // nothing of the old sign-up stands in the way: signing again mails a new link that confirms
        String again = signUp("Abandoned Person", email);
        String link = Mailbox.link(Mailbox.await(mail, email, 2), "/confirm/");
        FormSession.open(link).post().post(link).then().statusCode(200);
        given().get("/api/signatures/" + again).then().body("status", equalTo("confirmed"));
    }

    @Test
    void aSignUpWhoseLinkWasRenewedRecentlyIsKept() {
        String email = Signing.address("renewed", "example.org");
        String id = signUp("Renewed Person", email);
        age(id, 10);
        // a fresh link sent a day ago (as an expired link offers): the sign-up is still within reach
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE signature_token "
                                + "SET created_at = CURRENT_TIMESTAMP - INTERVAL '1' DAY, expires_at = CURRENT_TIMESTAMP + INTERVAL '1' DAY "
                                + "WHERE signature_seq = (SELECT seq FROM signature WHERE id = CAST(?1 AS UUID))")
                        .setParameter(1, id)
                        .executeUpdate());

        unconfirmed.purge();

        given().get("/api/signatures/" + id).then().statusCode(200).body("status", equalTo("pending-email"));
    }

    private static String signUp(String name, String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", email, "listing", "public"))
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");
    }

    /** Moves a sign-up and its links {@code days} into the past, as if it had been waiting that long. */
    private void age(String id, int days) {
        QuarkusTransaction.requiringNew().run(() -> {
            String seq = "(SELECT seq FROM signature WHERE id = CAST(?1 AS UUID))";
            em.createNativeQuery("UPDATE signature SET created_at = created_at - INTERVAL '" + days + "' DAY "
                            + "WHERE id = CAST(?1 AS UUID)")
                    .setParameter(1, id)
                    .executeUpdate();
            em.createNativeQuery("UPDATE signature_token SET created_at = created_at - INTERVAL '" + days + "' DAY, "
                            + "expires_at = expires_at - INTERVAL '" + days + "' DAY WHERE signature_seq = " + seq)
                    .setParameter(1, id)
                    .executeUpdate();
        });
    }
}
