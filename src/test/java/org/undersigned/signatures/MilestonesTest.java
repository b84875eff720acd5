package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.LetterService;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Rows;
import org.undersigned.support.Signing;
import org.undersigned.transparency.TransparencyLog;

/**
 * Milestones named in letter.yaml are reached by the log's count and announced once: in the feed, on the letter page,
 * to signers who asked for news, to the press list (double opt-in, with its own way out) and to the opted-in
 * addressee; falling back and crossing again announces nothing, and two replicas crossing at once announce once.
 */
@QuarkusTest
class MilestonesTest {

    static final String LETTER = "milestone-letter";
    static final String RACE = "milestone-race-letter";
    static final String ADDRESSEE = "press-office@addressee.example";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Inject
    Milestones milestones;

    @Inject
    LetterService letters;

    @Inject
    DataSource dataSource;

    @Test
    void aMilestoneIsAnnouncedOnceToSignersThePressListAndTheAddresseeAndShownInTheFeedAndOnThePage() {
        String journalist = Signing.address("journalist", "news.example");
        String leaver = Signing.address("leaver", "news.example");
        joinPressList(journalist);
        joinPressList(leaver);
        String unconfirmed = Signing.address("unconfirmed", "news.example");
        FormSession.open("/letters/" + LETTER)
                .post()
                .formParam("email", unconfirmed)
                .post("/letters/" + LETTER + "/press")
                .then()
                .statusCode(200);

        String reader = Signing.address("reader", "example.org");
        Signing.signAndConfirm(
                mail, LETTER, Map.of("name", "Ada Reader", "email", reader, "listing", "public", "notify", "true"));
        String second = Signing.address("second", "example.org");
        Signing.signAndConfirm(mail, LETTER, Map.of("name", "Bo Second", "email", second, "listing", "private"));
        assertThat(Counted.total(LETTER, log)).isEqualTo(2);

        MimeMessage press = Mailbox.await(mail, journalist, 2);
        assertThat(Mailbox.subject(press)).contains("has 2 verified signatures");
        assertThat(Mailbox.body(press)).contains("/letters/" + LETTER + "/verify");
        assertThat(Mailbox.subject(Mailbox.await(mail, ADDRESSEE, 1))).contains("has 2 verified signatures");
        Mailbox.await(mail, reader, 3); // the link, the receipt and the milestone, sent in whichever order
        assertThat(Mailbox.to(mail, reader).stream().map(Mailbox::subject))
                .anySatisfy(s -> assertThat(s).contains("has 2 verified signatures"));
        Mailbox.await(mail, unconfirmed, 1);
        assertThat(Mailbox.to(mail, unconfirmed)).hasSize(1); // the confirmation link only

        Document page = Jsoup.parse(given().get("/letters/" + LETTER).asString());
        assertThat(page.select("#milestone-2").text())
                .contains("2 verified signatures")
                .contains("checkpoint");
        given().get("/letters/" + LETTER + "/feed.atom")
                .then()
                .statusCode(200)
                .body(containsString("2 verified signatures"))
                .body(containsString("#milestone-2"));

        // the leaver leaves by the link in the milestone mail; falling back below 2 and reaching it again is silent
        String leave = Mailbox.link(Mailbox.await(mail, leaver, 2), "/press/unsubscribe/");
        FormSession.open(leave).post().post(leave).then().statusCode(200).body(containsString("left"));
        String withdraw = Mailbox.link(Mailbox.await(mail, second, 2), "/withdraw/");
        FormSession.open(withdraw).post().post(withdraw).then().statusCode(200);
        assertThat(Counted.total(LETTER, log)).isEqualTo(1);
        Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of("name", "Cy Third", "email", Signing.address("third", "example.org"), "listing", "public"));
        assertThat(Counted.total(LETTER, log)).isEqualTo(2);
        Mailbox.sleep(3_000); // a second announcement would be queued and sent by now
        assertThat(Mailbox.to(mail, journalist)).hasSize(2);
        assertThat(Mailbox.to(mail, ADDRESSEE)).hasSize(1);

        // the next milestone reaches the journalist, not the one who left
        for (String who : List.of("fourth", "fifth")) {
            Signing.signAndConfirm(
                    mail,
                    LETTER,
                    Map.of("name", "Di " + who, "email", Signing.address(who, "example.org"), "listing", "public"));
        }
        assertThat(Counted.total(LETTER, log)).isEqualTo(4);
        assertThat(Mailbox.subject(Mailbox.await(mail, journalist, 3))).contains("has 4 verified signatures");
        Mailbox.sleep(2_000);
        assertThat(Mailbox.to(mail, leaver)).hasSize(2);
    }

    @Test
    void twoReplicasCrossingTheSameMilestoneAtOnceAnnounceItOnce() throws Exception {
        long letterId = letters.signingTarget(RACE).orElseThrow().letterId();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> replicas = List.of(1, 2).stream()
                .map(n -> CompletableFuture.runAsync(() -> {
                    await(start);
                    QuarkusTransaction.requiringNew()
                            .run(() -> milestones.counted(letterId, 1000 + n, 10 + n, "r".repeat(64)));
                }))
                .toList();
        start.countDown();
        CompletableFuture.allOf(replicas.toArray(CompletableFuture[]::new)).join();

        assertThat(milestones.reached(letterId))
                .singleElement()
                .satisfies(m -> assertThat(m.count()).isEqualTo(1000));
        assertThat(Rows.count(
                        dataSource,
                        "SELECT COUNT(*) FROM notification_campaign WHERE letter_id = ? AND kind = 'milestone'",
                        letterId))
                .isEqualTo(1);
    }

    private void joinPressList(String email) {
        FormSession.open("/letters/" + LETTER)
                .post()
                .formParam("email", email)
                .post("/letters/" + LETTER + "/press")
                .then()
                .statusCode(200)
                .body(containsString("Check your mail"));
        String confirm = Mailbox.link(Mailbox.await(mail, email, 1), "/press/confirm/");
        given().get(confirm).then().statusCode(200).body(containsString("Join the press list"));
        FormSession.open(confirm)
                .post()
                .post(confirm)
                .then()
                .statusCode(200)
                .body(containsString("You are on the press list"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
