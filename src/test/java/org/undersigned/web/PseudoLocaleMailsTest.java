package org.undersigned.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.ContentSync;
import org.undersigned.organisers.OrganiserTokens;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailParts;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.OrcidServers;
import org.undersigned.support.OrcidSession;
import org.undersigned.support.PseudoText;
import org.undersigned.support.Signing;

/**
 * No string left behind in the mails: one signer, who signed from a request in the pseudo-locale, gets every kind of
 * mail (most sent later, by requests in no language or by schedulers), and none has text outside ⟦ ⟧ in its subject,
 * text or HTML part, and each says its language in Content-Language.
 */
@QuarkusTest
@TestProfile(PseudoLocaleTest.Pseudo.class)
class PseudoLocaleMailsTest {

    static final String LETTER = "mail-letter";
    static final String NAME = "Quinn Pseudo";
    static final String STATEMENT = "An organiser speaks";

    /** The subjects of every kind of mail, as the pseudo-locale words them. */
    static final List<String> KINDS = List.of(
            "⟦Confirm your signature:",
            "⟦Your signature is counted:",
            "⟦You have already signed:",
            "⟦Did you sign",
            "⟦Add your ORCID iD to your signature:",
            "⟦Your signature on",
            "⟦The letter you signed has changed:",
            "⟦News on \"A letter whose signers get every kind of mail\": Version 2",
            "⟦News on \"A letter whose signers get every kind of mail\": " + STATEMENT);

    @MailServer.Inject
    GreenMail mail;

    @OrcidServers.Inject
    MockOAuth2Server provider;

    @Inject
    ContentSync content;

    @Inject
    OrganiserTokens tokens;

    @Test
    void theMailWordsHaveEveryMessageWrapped() throws Exception {
        PseudoText.assertWrapped(MailMessages.class, "/messages/mail_qps.properties");
        PseudoText.assertWrapped(PressMessages.class, "/messages/press_qps.properties");
    }

    @Test
    void everyKindOfMailHasNoTextOutsideMessagesAndSaysItsLanguage() throws Exception {
        String email = Signing.address("pseudo", "example.org");
        Map<String, String> signUp = Map.of("name", NAME, "email", email, "listing", "public", "notify", "true");
        String id = given().header("Accept-Language", "qps")
                .contentType(ContentType.JSON)
                .body(signUp)
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        // the later requests name no language: the mails follow the one the signer signed in
        String confirm = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        FormSession.open(confirm).post().post(confirm).then().statusCode(200);
        Mailbox.await(mail, email, 2);
        given().contentType(ContentType.JSON)
                .body(signUp)
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(202);
        String report = "/letters/" + LETTER + "/disown/" + id;
        FormSession.open(report)
                .post()
                .formParam("email", email)
                .post(report)
                .then()
                .statusCode(200);

        // signing with ORCID and the same address: a link to attach the iD; then, as a namesake, a dispute
        String sign = "/orcid/sign/" + LETTER;
        OrcidSession session = OrcidSession.signIn(provider, OrcidServers.EMPTY, Map.of("name", NAME), sign);
        Document form =
                Jsoup.parse(session.get(sign).then().statusCode(200).extract().asString());
        session.form(form, sign)
                .header("Accept-Language", "qps")
                .formParam("listing", "public")
                .formParam("email", email)
                .post(sign)
                .then()
                .statusCode(200);
        String disown = "/orcid/disown/" + LETTER + "/" + id;
        Document claim =
                Jsoup.parse(session.get(disown).then().statusCode(200).extract().asString());
        session.form(claim, disown).post(disown).then().statusCode(202);

        // a material new version (re-affirm, and news of it) and a thread entry (news titled by its author)
        Files.writeString(Path.of("target/test-content/letters", LETTER, "v2.md"), """
                ---
                version: 2
                published: 2026-04-02T10:00:00Z
                changes: Asks for more.
                carries_signatures: false
                ---
                We ask for a bigger thing.
                """);
        content.sync();
        String organiser = tokens.mint("0000-0002-1825-0097", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token();
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "id",
                        "statement",
                        "kind",
                        "statement",
                        "title",
                        STATEMENT,
                        "date",
                        "2026-06-01",
                        "organisation",
                        "Example Corp",
                        "body",
                        "What we say."))
                .post("/api/letters/" + LETTER + "/thread")
                .then()
                .statusCode(201)
                .body("id", equalTo("statement"));

        awaitKinds(email).forEach(PseudoLocaleMailsTest::assertTranslated);
    }

    @Test
    void thePressListsPagesAndMailsAndTheMilestoneHaveNoTextOutsideMessages() {
        String slug = "press-pseudo-letter";
        String journalist = Signing.address("press", "news.example");
        String asked = FormSession.open("/letters/" + slug)
                .post()
                .header("Accept-Language", "qps")
                .formParam("email", journalist)
                .post("/letters/" + slug + "/press")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertPageTranslated("asked", asked);
        MimeMessage confirmMail = Mailbox.await(mail, journalist, 1);
        assertTranslated(confirmMail);
        String confirm = Mailbox.link(confirmMail, "/press/confirm/");
        assertPageTranslated(
                "confirm", qps().get(confirm).then().statusCode(200).extract().asString());
        assertPageTranslated(
                "joined",
                FormSession.open(confirm)
                        .post()
                        .header("Accept-Language", "qps")
                        .post(confirm)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());

        String signer = Signing.address("pseudo-signer", "example.org");
        given().header("Accept-Language", "qps")
                .contentType(ContentType.JSON)
                .body(Map.of("name", NAME, "email", signer, "listing", "public", "notify", "true"))
                .post("/api/letters/" + slug + "/signatures")
                .then()
                .statusCode(202);
        String link = Mailbox.link(Mailbox.await(mail, signer, 1), "/confirm/");
        FormSession.open(link).post().post(link).then().statusCode(200);
        MimeMessage milestone = Mailbox.await(mail, journalist, 2);
        assertThat(Mailbox.subject(milestone)).contains("1");
        assertTranslated(milestone);
        MimeMessage news = Mailbox.await(mail, signer, 3);
        assertThat(Mailbox.subject(news)).startsWith("⟦\"A letter whose press list");
        assertTranslated(news);
        assertPageTranslated(
                "letter with a milestone", qps().get("/letters/" + slug).asString());
        String leave = Mailbox.link(milestone, "/press/unsubscribe/");
        assertPageTranslated(
                "leave", qps().get(leave).then().statusCode(200).extract().asString());
        assertPageTranslated(
                "left",
                FormSession.open(leave)
                        .post()
                        .header("Accept-Language", "qps")
                        .post(leave)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
    }

    private static io.restassured.specification.RequestSpecification qps() {
        return given().accept("text/html").header("Accept-Language", "qps");
    }

    private static void assertPageTranslated(String where, String html) {
        Document doc = Jsoup.parse(html);
        assertThat(doc.selectFirst("html").attr("lang")).as(where).isEqualTo("qps");
        assertThat(PseudoText.outsideMessages(doc.select("body"))).as(where).isEmpty();
    }

    private static void assertTranslated(MimeMessage m) {
        String subject = Mailbox.subject(m);
        assertThat(PseudoText.outside(subject)).as("subject " + subject).isEmpty();
        assertThat(MailParts.language(m)).as(subject).isEqualTo("qps");
        String text = MailParts.text(m).replaceAll("https?://\\S+", "").replace(STATEMENT, "");
        assertThat(PseudoText.outside(text))
                .as("text of " + subject + ":\n" + text)
                .isEmpty();
        Document html = Jsoup.parse(MailParts.html(m));
        assertThat(html.selectFirst("html").attr("lang")).as(subject).isEqualTo("qps");
        assertThat(PseudoText.outsideMessages(List.of(html.body())))
                .as("HTML of " + subject)
                .isEmpty();
    }

    /** Every mail to the address once one of each kind has come. */
    private List<MimeMessage> awaitKinds(String email) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            List<MimeMessage> mails = Mailbox.to(mail, email);
            List<String> subjects = mails.stream().map(Mailbox::subject).toList();
            List<String> missing = KINDS.stream()
                    .filter(k -> subjects.stream().noneMatch(s -> s.startsWith(k)))
                    .toList();
            if (missing.isEmpty()) {
                return mails;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no mail " + missing + " within 30 s; got " + subjects);
            }
            Mailbox.sleep(200);
        }
    }
}
