package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Signing;
import org.undersigned.transparency.TransparencyLog;

/** One mailbox counts once under every spelling; refused addresses are refused loudly; repeats reveal nothing. */
@QuarkusTest
class OneMailboxTest {

    private static final String LETTER = "sample-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Test
    void everySpellingOfOneMailboxCountsOnce() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String victim = "victim" + tag + "@example.org";
        String gmail = "vic.tim" + tag + "@gmail.com";
        long before = Counted.total(LETTER, log);
        Signing.signAndConfirm(mail, LETTER, Map.of("name", "Vic Tim", "email", victim, "listing", "public"));
        Signing.signAndConfirm(mail, LETTER, Map.of("name", "Vic Tim", "email", gmail, "listing", "public"));
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 2);

        List<String> respellings = List.of(
                "Victim" + tag + "+2@example.org",
                "VICTIM" + tag + "@Example.ORG",
                "victim" + tag + "+x+y@example.org",
                "victim" + tag + "@gmail.com",
                "v.i.c.t.i.m" + tag + "+news@googlemail.com",
                "VicTim" + tag + "@GMAIL.com");
        for (String spelling : respellings) {
            SigningFlowTest.sign(Map.of("name", "Vic Tim", "email", spelling, "listing", "public"), LETTER)
                    .then()
                    .statusCode(202)
                    .body("status", equalTo("pending-email"));
        }
        // each repeat told the mailbox behind it, at the address it signed with, that it has signed already
        assertThat(Mailbox.subject(Mailbox.await(mail, victim, 5))).startsWith("You have already signed");
        assertThat(Mailbox.subject(Mailbox.await(mail, gmail, 5))).startsWith("You have already signed");
        respellings.stream()
                .filter(s -> !s.equalsIgnoreCase(victim) && !s.equalsIgnoreCase(gmail))
                .forEach(s -> assertThat(Mailbox.to(mail, s)).as(s).isEmpty());
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 2);
    }

    @Test
    void everyRefusedFormGetsA400NamingTheEmailFieldAndNothingIsStoredOrSent() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String plain = "refused" + tag + "@example.org";
        List<String> refused = List.of(
                "x<" + plain + ">",
                plain + "(1)",
                "Refused <" + plain + ">",
                "\"refused" + tag + "\"@example.org",
                "refused" + tag + "@[192.0.2.1]",
                "re fused" + tag + "@example.org",
                "refused" + tag + "..x@example.org",
                "a".repeat(65) + "@example.org");
        for (String typed : refused) {
            SigningFlowTest.sign(Map.of("name", "Re Fused", "email", typed, "listing", "public"), LETTER)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.email", notNullValue());
            FormSession.open("/letters/" + LETTER)
                    .post()
                    .formParam("name", "Re Fused")
                    .formParam("email", typed)
                    .formParam("listing", "public")
                    .post("/letters/" + LETTER + "/sign")
                    .then()
                    .statusCode(400)
                    .body(containsString("e-email"));
        }
        Mailbox.sleep(1500);
        assertThat(Mailbox.to(mail, plain)).isEmpty();
    }

    @Test
    void aRepeatOfACountedSignatureReadsExactlyLikeAFreshSignUp() {
        String counted = SigningFlowTest.unique("counted");
        Signing.signAndConfirm(mail, LETTER, Map.of("name", "Cora Counted", "email", counted, "listing", "public"));
        Map<String, String> request =
                Map.of("name", "Someone Else", "organisation", "Example Lab", "role", "Student", "listing", "private");

        Map<String, Object> fresh = answerAndRead(with(request, SigningFlowTest.unique("fresh")));
        Map<String, Object> repeat = answerAndRead(with(request, counted.toUpperCase()));

        assertThat(repeat).isEqualTo(fresh);
        given().get("/api/letters/" + LETTER + "/signatories?q=cora counted")
                .then()
                .body("items.name", hasItem("Cora Counted"));
    }

    @Test
    void aRepeatOfAPendingSignUpNeitherOverwritesItNorRevealsIt() {
        String pending = SigningFlowTest.unique("pending");
        String id = SigningFlowTest.sign(Map.of("name", "Pia Pending", "email", pending, "listing", "public"), LETTER)
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        Map<String, Object> original = read(id);
        Map<String, String> request = Map.of("name", "Mallory", "organisation", "Example Lab", "listing", "private");

        Map<String, Object> fresh = answerAndRead(with(request, SigningFlowTest.unique("fresh")));
        Map<String, Object> repeat = answerAndRead(with(request, pending));

        assertThat(repeat).isEqualTo(fresh);
        assertThat(read(id)).isEqualTo(original);
        // the mailbox gets its pending link again, which confirms the sign-up as it was made
        String link = Mailbox.link(Mailbox.await(mail, pending, 2), "/confirm/");
        FormSession.open(link).post().post(link).then().statusCode(200).body(not(containsString("Mallory")));
        given().get("/api/signatures/" + id)
                .then()
                .body("status", equalTo("confirmed"))
                .body("name", equalTo("Pia Pending"));
    }

    private static Map<String, String> with(Map<String, String> request, String email) {
        Map<String, String> body = new HashMap<>(request);
        body.put("email", email);
        return body;
    }

    /** The sign-up's answer and the later read of its id, both without the id itself. */
    private static Map<String, Object> answerAndRead(Map<String, String> body) {
        Response answer = SigningFlowTest.sign(body, LETTER);
        Map<String, Object> result = new HashMap<>();
        result.put("statusCode", answer.statusCode());
        Map<String, Object> json = new HashMap<>(answer.jsonPath().getMap(""));
        String id = (String) json.remove("id");
        result.put("answer", json);
        result.put("read", read(id));
        return result;
    }

    private static Map<String, Object> read(String id) {
        Response read = given().get("/api/signatures/" + id);
        Map<String, Object> json = new HashMap<>(read.jsonPath().getMap(""));
        json.remove("id");
        json.put("statusCode", read.statusCode());
        return json;
    }
}
