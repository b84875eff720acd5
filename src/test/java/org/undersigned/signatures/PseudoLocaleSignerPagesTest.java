package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.ContentSync;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.OrcidServers;
import org.undersigned.support.OrcidSession;
import org.undersigned.support.PseudoText;
import org.undersigned.support.Signing;
import org.undersigned.web.LinkMessages;
import org.undersigned.web.MineMessages;
import org.undersigned.web.OrcidMessages;
import org.undersigned.web.PseudoLocaleTest;
import org.undersigned.web.SignMessages;
import org.undersigned.web.SignerMessages;

/**
 * No string left behind on a signer's pages after the form: every page a mailed link, an ORCID sign-in or a form
 * answer leads to, reached as a signer reaches it, shows no text outside the pseudo-locale's ⟦ ⟧ markers; so do the
 * forms' error messages.
 */
@QuarkusTest
@TestProfile(PseudoLocaleTest.Pseudo.class)
class PseudoLocaleSignerPagesTest {

    static final String LETTER = "signer-pages-letter";
    static final String ORCID_LETTER = "signer-orcid-letter";
    static final String REAFFIRM_LETTER = "signer-reaffirm-letter";

    @MailServer.Inject
    GreenMail mail;

    @OrcidServers.Inject
    MockOAuth2Server provider;

    @Inject
    Notifications notifications;

    @Inject
    OrcidSigning orcid;

    @Inject
    ContentSync content;

    @Inject
    EntityManager em;

    /** Every request of these tests asks for the pseudo-locale, as the reader's browser would. */
    @BeforeEach
    void askForThePseudoLocale() {
        RestAssured.requestSpecification =
                new RequestSpecBuilder().addHeader("Accept-Language", "qps").build();
    }

    /** The ORCID tests share two iDs on one letter: whatever they signed is withdrawn, so the next starts clean. */
    @AfterEach
    void cleanUp() {
        RestAssured.requestSpecification = null;
        orcid.withdraw(ORCID_LETTER, OrcidServers.EMPTY, false);
        orcid.withdraw(ORCID_LETTER, OrcidServers.RESEARCHER, false);
    }

    @Test
    void theBundlesHaveEveryMessageWrappedAndTheFormErrorsSayWhatTheApiSays() throws Exception {
        PseudoText.assertWrapped(SignMessages.class, "/messages/sign_qps.properties");
        PseudoText.assertWrapped(LinkMessages.class, "/messages/link_qps.properties");
        PseudoText.assertWrapped(SignerMessages.class, "/messages/signer_qps.properties");
        PseudoText.assertWrapped(OrcidMessages.class, "/messages/orcid_qps.properties");
        PseudoText.assertWrapped(MineMessages.class, "/messages/mine_qps.properties");
        SignMessages english = MessageBundles.get(SignMessages.class);
        for (FieldProblem p : FieldProblem.values()) {
            assertThat(p.in(english)).as(p.name()).isEqualTo(p.english());
        }
    }

    @Test
    void theSignFormWithErrorsAndTheConfirmationLinksPagesHaveNoTextOutsideMessages() {
        String sign = "/letters/" + LETTER + "/sign";
        Document errors = checked(FormSession.open(sign).post().post(sign), 400, "the sign form with errors");
        assertThat(errors.select("#e-name").text()).startsWith("⟦");
        assertThat(errors.select("#e-listing").text()).startsWith("⟦");
        Document badEmail = checked(
                FormSession.open(sign)
                        .post()
                        .formParam("name", "Pia Pseudo")
                        .formParam("email", "pia at example.org")
                        .formParam("role", "Professor")
                        .formParam("listing", "public")
                        .post(sign),
                400,
                "the sign form with a bad address");
        assertThat(badEmail.select("#e-email").text()).startsWith("⟦");
        assertThat(badEmail.select("#e-organisation").text()).startsWith("⟦");
        Document search = checked(
                given().accept("text/html").get("/letters/" + LETTER + "/signatories?q=ab"), 400, "a short search");
        assertThat(search.select("#q-problem").text()).startsWith("⟦");

        String email = Signing.address("pia", "example.org");
        checked(
                FormSession.open(sign)
                        .post()
                        .formParam("name", "Pia Pseudo")
                        .formParam("email", email)
                        .formParam("listing", "public")
                        .post(sign),
                200,
                "sent");
        String confirm = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        checked(given().accept("text/html").get(confirm), 200, "confirm");
        checked(FormSession.open(confirm).post().post(confirm), 200, "confirmed");
        checked(given().accept("text/html").get(confirm), 200, "confirm, used");
        checked(FormSession.open(sign).post().post(confirm + "/resend"), 200, "no new link needed");
        checked(given().accept("text/html").get("/confirm/not-a-token"), 200, "confirm, not valid");

        String withdraw = Mailbox.link(Mailbox.await(mail, email, 2), "/withdraw/");
        checked(given().accept("text/html").get(withdraw), 200, "withdraw");
        checked(FormSession.open(withdraw).post().formParam("erase", "yes").post(withdraw), 200, "withdrawn");
        checked(given().accept("text/html").get(withdraw), 200, "withdraw, used");
    }

    @Test
    void anExpiredLinkAndTheNewOneHaveNoTextOutsideMessages() throws Exception {
        String email = Signing.address("late", "example.org");
        given().contentType("application/json")
                .body(Map.of("name", "Lee Pseudo", "email", email, "listing", "private"))
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(202);
        String link = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(link.substring("/confirm/".length()).getBytes(StandardCharsets.US_ASCII)));
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "UPDATE signature_token SET expires_at = created_at - INTERVAL '1 hour' WHERE hash = ?1")
                        .setParameter(1, hash)
                        .executeUpdate());
        checked(given().accept("text/html").get(link), 200, "confirm, expired");
        checked(FormSession.open(link).post().post(link + "/resend"), 200, "a new link");
        String fresh = Mailbox.link(Mailbox.await(mail, email, 2), "/confirm/");
        checked(FormSession.open(fresh).post().post(fresh), 200, "confirmed, not listed");
    }

    @Test
    void disowningByEmailNewsAndANewLinkHaveNoTextOutsideMessages() {
        String email = Signing.address("dora", "example.org");
        String id = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of(
                        "name",
                        "Dora Pseudo",
                        "email",
                        email,
                        "organisation",
                        "Somewhere",
                        "listing",
                        "public",
                        "notify",
                        "true"));

        String unsubscribe = path(notifications.unsubscribeUrl(UUID.fromString(id)));
        checked(given().accept("text/html").get(unsubscribe), 200, "stop news?");
        checked(FormSession.open(unsubscribe).post().post(unsubscribe), 200, "no more news");

        String resend = "/letters/" + LETTER + "/resend";
        FormSession letterPage = FormSession.open("/letters/" + LETTER);
        Document refused =
                checked(letterPage.post().formParam("email", "dora@").post(resend), 400, "a new link, bad address");
        assertThat(refused.select(".errors").text()).startsWith("⟦");
        String never = Signing.address("never", "example.org");
        checked(letterPage.post().formParam("email", never).post(resend), 200, "a new link asked for");

        String report = "/letters/" + LETTER + "/disown/" + id;
        checked(given().accept("text/html").get(report), 200, "I did not sign this");
        checked(FormSession.open(report).post().formParam("email", email).post(report), 200, "disown mailed");
        String disown = Mailbox.link(Mailbox.await(mail, email, 3), "/disown/");
        checked(given().accept("text/html").get(disown), 200, "disown link");
        checked(FormSession.open(disown).post().post(disown), 200, "disowned");
    }

    @Test
    void aDisputeItsAnswerAndTheOrcidProofsHaveNoTextOutsideMessages() {
        String email = Signing.address("orla", "example.org");
        String id = Signing.signAndConfirm(
                mail, LETTER, Map.of("name", "Orla Pseudo", "email", email, "listing", "public"));
        String path = "/orcid/disown/" + LETTER + "/" + id;

        OrcidSession stranger =
                OrcidSession.signIn(provider, OrcidServers.RESEARCHER, Map.of("name", "Nobody Else"), path);
        Document page = checked(stranger.get(path), 200, "disown with ORCID");
        checked(stranger.form(page, path).post(path), 403, "not proven");

        OrcidSession namesake = OrcidSession.signIn(provider, OrcidServers.EMPTY, Map.of("name", "Orla PSEUDO"), path);
        page = checked(namesake.get(path), 200, "disown with ORCID");
        checked(namesake.form(page, path).post(path), 202, "disputed");

        String answer = Mailbox.link(Mailbox.await(mail, email, 3), "/answer/");
        checked(given().accept("text/html").get(answer), 200, "answer a dispute");
        Document empty =
                checked(FormSession.open(answer).post().formParam("answer", " ").post(answer), 400, "empty answer");
        assertThat(empty.select("#e-answer").text()).startsWith("⟦");
        checked(FormSession.open(answer).post().formParam("answer", "I signed.").post(answer), 200, "answered");
        checked(given().accept("text/html").get(answer), 410, "answer, used");
        checked(given().accept("text/html").get("/answer/not-a-token"), 404, "answer, not valid");
    }

    @Test
    void signingWithOrcidAndWithdrawingHaveNoTextOutsideMessages() {
        String sign = "/orcid/sign/" + ORCID_LETTER;
        OrcidSession session = OrcidSession.signIn(provider, OrcidServers.RESEARCHER, Map.of(), sign);
        Document form = checked(session.get(sign), 200, "sign with ORCID, no public name");
        Document errors = checked(
                session.form(form, sign).formParam("role", "Reader").post(sign), 400, "sign with ORCID, errors");
        assertThat(errors.select("#e-name").text()).startsWith("⟦");
        checked(
                session.form(form, sign)
                        .formParam("name", "Rita Pseudo")
                        .formParam("employment", "0")
                        .formParam("listing", "public")
                        .post(sign),
                200,
                "signed with ORCID");
        Document signed = checked(session.get(sign), 200, "signed already");
        String attach = "/orcid/attach/" + ORCID_LETTER;
        checked(session.form(signed, attach).formParam("email", "rita@").post(attach), 400, "attach, bad address");
        checked(
                session.form(signed, attach)
                        .formParam("email", Signing.address("rita", "example.org"))
                        .post(attach),
                200,
                "join mailed");
        String withdraw = "/orcid/withdraw/" + ORCID_LETTER;
        checked(session.form(signed, withdraw).formParam("erase", "yes").post(withdraw), 200, "withdrawn");
        checked(session.form(signed, withdraw).post(withdraw), 200, "nothing to withdraw");

        // the iD behind a signature disowns it at once
        checked(
                session.form(form, sign)
                        .formParam("name", "Rita Pseudo")
                        .formParam("listing", "public")
                        .post(sign),
                200,
                "signed with ORCID");
        String id = Jsoup.parse(session.get(sign).asString())
                .select("a[href^=/api/signatures/]")
                .first()
                .attr("href")
                .substring("/api/signatures/".length());
        String disown = "/orcid/disown/" + ORCID_LETTER + "/" + id;
        Document confirm = checked(session.get(disown), 200, "disown with ORCID");
        checked(session.form(confirm, disown).post(disown), 200, "disowned with ORCID");
    }

    @Test
    void joiningFromTheConfirmationLinkHasNoTextOutsideMessages() {
        String sign = "/orcid/sign/" + ORCID_LETTER;
        OrcidSession session = OrcidSession.signIn(provider, OrcidServers.EMPTY, Map.of("name", "Jo Pseudo"), sign);
        Document form = Jsoup.parse(session.get(sign).asString());
        session.form(form, sign)
                .formParam("listing", "public")
                .post(sign)
                .then()
                .statusCode(200);

        String email = Signing.address("jo", "example.org");
        given().contentType("application/json")
                .body(Map.of("name", "Jo Email", "email", email, "listing", "public"))
                .post("/api/letters/" + ORCID_LETTER + "/signatures")
                .then()
                .statusCode(202);
        String confirm = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        String join = "/orcid/join/" + confirm.substring(confirm.lastIndexOf('/') + 1);

        OrcidSession unsigned = OrcidSession.signIn(provider, OrcidServers.RESEARCHER, Map.of(), join);
        checked(unsigned.get(join), 200, "join, the iD has not signed");
        Document page = checked(session.get(join), 200, "join");
        checked(session.form(page, join).post(join), 200, "joined");
    }

    @Test
    void theLinkThatAttachesAnOrcidIdHasNoTextOutsideMessages() {
        String email = Signing.address("ada", "example.org");
        Signing.signAndConfirm(mail, ORCID_LETTER, Map.of("name", "Ada Pseudo", "email", email, "listing", "public"));
        String sign = "/orcid/sign/" + ORCID_LETTER;
        OrcidSession session = OrcidSession.signIn(provider, OrcidServers.EMPTY, Map.of("name", "Ada Pseudo"), sign);
        Document form = Jsoup.parse(session.get(sign).asString());
        // the same mailbox spelt otherwise, so that the receipt of this signature is not among the address's mails
        session.form(form, sign)
                .formParam("listing", "public")
                .formParam("email", email.replace("@", "+orcid@"))
                .post(sign)
                .then()
                .statusCode(200);
        String attach = Mailbox.link(Mailbox.await(mail, email, 3), "/attach/");
        checked(given().accept("text/html").get(attach), 200, "attach");
        checked(FormSession.open(attach).post().post(attach), 200, "attached");
    }

    @Test
    void reaffirmingAChangedLetterHasNoTextOutsideMessages() throws Exception {
        String email = Signing.address("rex", "example.org");
        Signing.signAndConfirm(
                mail, REAFFIRM_LETTER, Map.of("name", "Rex Pseudo", "email", email, "listing", "public"));
        Files.writeString(Path.of("target/test-content/letters", REAFFIRM_LETTER, "v2.md"), """
                ---
                version: 2
                published: 2026-04-02T10:00:00Z
                changes: Asks for much more.
                carries_signatures: false
                ---
                We ask for a much bigger thing.
                """);
        content.sync();
        String reaffirm = Mailbox.link(Mailbox.await(mail, email, 3), "/reaffirm/");
        checked(given().accept("text/html").get(reaffirm), 200, "re-affirm");
        checked(FormSession.open(reaffirm).post().post(reaffirm), 200, "re-affirmed");
    }

    @Test
    void managingASignatureWithAPasskeyHasNoTextOutsideMessages() {
        String id = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of(
                        "name",
                        "Kim Pseudo",
                        "email",
                        Signing.address("kim", "example.org"),
                        "listing",
                        "public",
                        "notify",
                        "true"));
        checked(given().accept("text/html").get("/signers/passkey"), 200, "sign in with a passkey");
        checked(given().accept("text/html").get("/signers/signature"), 401, "signed out");

        // a session as a passkey sign-in opens one (the ceremony itself is SignerPasskeyBrowserTest's)
        String session = Tokens.newToken();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "INSERT INTO signer_session (token_hash, signature_seq, expires_at) "
                                        + "SELECT ?1, seq, CURRENT_TIMESTAMP + INTERVAL '15 minutes' FROM signature WHERE id = ?2")
                        .setParameter(1, Tokens.hash(session))
                        .setParameter(2, UUID.fromString(id))
                        .executeUpdate());
        Document mine = checked(
                given().accept("text/html").cookie("signer", session).get("/signers/signature"),
                200,
                "the signature's page");
        assertThat(mine.select("#status").text()).startsWith("⟦");
        FormSession form = FormSession.open("/letters/" + LETTER);
        form.post()
                .cookie("signer", session)
                .formParam("news", "off")
                .redirects()
                .follow(false)
                .post("/signers/signature/news")
                .then()
                .statusCode(303);
        checked(
                given().accept("text/html").cookie("signer", session).get("/signers/signature"),
                200,
                "the signature's page, no news");
        checked(
                form.post().cookie("signer", session).post("/signers/signature/withdraw"),
                200,
                "withdrawn with a passkey");
        checked(
                given().accept("text/html").cookie("signer", session).get("/signers/signature"),
                200,
                "the signature's page, withdrawn");
        checked(
                form.post().cookie("signer", session).formParam("erase", "yes").post("/signers/signature/withdraw"),
                200,
                "erased with a passkey");
    }

    /** The page answered with the status expected, in the pseudo-locale, with no text outside messages. */
    private static Document checked(Response response, int status, String what) {
        String html = response.asString();
        assertThat(response.statusCode()).as(what + ": " + html).isEqualTo(status);
        Document doc = Jsoup.parse(html);
        assertThat(doc.selectFirst("html").attr("lang")).as(what).isEqualTo("qps");
        assertThat(PseudoText.outsideMessages(doc.clone().select("body")))
                .as(what)
                .isEmpty();
        return doc;
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/unsubscribe/"));
    }
}
