package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.transparency.TransparencyLog;

/** Sign-ups arriving together are stored in shared commits: each must still be whole, and a person counted once. */
@QuarkusTest
class ConcurrentSigningTest {

    static final String LETTER = "sample-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Test
    void simultaneousFirstSignUpsAreEachStoredWithTheirOwnWorkingLink() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            emails.add(SigningFlowTest.unique("crowd" + i));
        }
        List<String> ids = together(emails.size(), i -> emails.get(i));
        assertThat(new HashSet<>(ids)).hasSize(emails.size());

        for (int i = 0; i < emails.size(); i++) {
            MimeMessage confirm = Mailbox.await(mail, emails.get(i), 1);
            assertThat(Mailbox.subject(confirm)).startsWith("Confirm your signature");
            given().get("/api/signatures/" + ids.get(i))
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("pending-email"));
        }
        long before = Counted.total(LETTER, log);
        for (String email : emails.subList(0, 3)) {
            String link = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
            FormSession.open(link).post().post(link).then().statusCode(200);
        }
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 3);
        assertThat(Mailbox.to(mail, emails.get(3))).hasSize(1);
    }

    @Test
    void simultaneousSignUpsOfOneAddressMakeOneSignatureThatCountsOnce() throws Exception {
        String email = SigningFlowTest.unique("twelve");
        List<String> ids = together(12, i -> i % 2 == 0 ? email : "  " + email.toUpperCase());
        // every answer has an id of its own: one is the signature, the others read like it and change nothing
        assertThat(new HashSet<>(ids)).hasSize(12);

        List<MimeMessage> confirmations = awaitAll(email, 12);
        long before = Counted.total(LETTER, log);
        String first = Mailbox.link(confirmations.get(0), "/confirm/");
        FormSession.open(first)
                .post()
                .post(first)
                .then()
                .statusCode(200)
                .body(containsString("your signature is counted"));
        String other = Mailbox.link(confirmations.get(7), "/confirm/");
        given().accept("text/html").get(other).then().statusCode(200).body(containsString("already been used"));
        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1);
        assertThat(ids.stream()
                        .map(id ->
                                given().get("/api/signatures/" + id).jsonPath().getString("status"))
                        .filter("confirmed"::equals)
                        .count())
                .isEqualTo(1);
    }

    /** Posts {@code n} sign-ups at once (address i from {@code email}); returns the ids answered, in order. */
    private static List<String> together(int n, IntFunction<String> email) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                answers.add(pool.submit(() -> SigningFlowTest.sign(
                                Map.of("name", "Crowd Member " + k, "email", email.apply(k), "listing", "public"))
                        .then()
                        .statusCode(202)
                        .body("status", equalTo("pending-email"))
                        .extract()
                        .<String>path("id")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> a : answers) {
                ids.add(a.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<MimeMessage> awaitAll(String email, int n) {
        Mailbox.await(mail, email, n);
        return Mailbox.to(mail, email);
    }
}
