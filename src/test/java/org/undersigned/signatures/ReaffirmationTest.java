package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.ContentSync;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.transparency.TransparencyLog;

/** A material new version asks earlier signers to re-affirm; counts per version follow them. */
@QuarkusTest
class ReaffirmationTest {

    private static final String LETTER = "reaffirm-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    ContentSync content;

    @Inject
    TransparencyLog log;

    @Test
    void earlierSignersAreMailedAndReaffirmingMovesTheirVersion() throws Exception {
        String email = SigningFlowTest.unique("early");
        String id = SigningFlowTest.sign(Map.of("name", "Early Signer", "email", email, "listing", "public"), LETTER)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String confirm = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        FormSession.open(confirm).post().post(confirm).then().statusCode(200);
        Counted.settle(log);
        given().get("/api/letters/" + LETTER + "/count").then().body("byVersion.'1'", equalTo(1));

        Files.writeString(Path.of("target/test-content/letters", LETTER, "v2.md"), """
                ---
                version: 2
                published: 2026-04-02T10:00:00Z
                changes: Asks for much more.
                carries_signatures: false
                ---
                We ask for a much bigger thing.
                """);
        content.sync();

        MimeMessage reaffirm = Mailbox.await(mail, email, 3);
        assertThat(Mailbox.subject(reaffirm)).startsWith("The letter you signed has changed");
        assertThat(Mailbox.body(reaffirm)).contains("/letters/" + LETTER + "/diff/1..2");
        String link = Mailbox.link(reaffirm, "/reaffirm/");
        given().accept("text/html").get(link).then().statusCode(200).body(containsString("Re-affirm for version 2"));
        given().get("/api/signatures/" + id).then().body("version", equalTo(1));

        FormSession.open(link)
                .post()
                .post(link)
                .then()
                .statusCode(200)
                .body(containsString("now counts for version 2"));

        Counted.settle(log);
        JsonPath count = given().get("/api/letters/" + LETTER + "/count")
                .then()
                .extract()
                .jsonPath();
        assertThat(count.getInt("total")).isEqualTo(1);
        assertThat(count.getInt("byVersion.'1'")).isZero();
        assertThat(count.getInt("byVersion.'2'")).isEqualTo(1);
        String v2Hash = given().get("/api/letters/" + LETTER).then().extract().path("versions[1].textSha256");
        given().get("/api/signatures/" + id).then().body("version", equalTo(2)).body("textSha256", equalTo(v2Hash));
        FormSession.open("/letters/" + LETTER + "/sign")
                .post()
                .post(link)
                .then()
                .statusCode(410);
    }
}
