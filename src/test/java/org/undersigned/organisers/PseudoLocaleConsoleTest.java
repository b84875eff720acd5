package org.undersigned.organisers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.support.PseudoText;
import org.undersigned.web.AdminMessages;
import org.undersigned.web.ConsoleMessages;
import org.undersigned.web.PasskeyMessages;
import org.undersigned.web.PseudoLocaleTest;

/** No string left behind in the console: each page in the pseudo-locale shows no text outside its messages. */
@QuarkusTest
@TestProfile(PseudoLocaleTest.Pseudo.class)
class PseudoLocaleConsoleTest {

    static final String LETTER = "console-letter";

    @Inject
    OrganiserTokens tokens;

    @Test
    void theConsoleWordsAreAllWrapped() throws Exception {
        PseudoText.assertWrapped(ConsoleMessages.class, "/messages/console_qps.properties");
        PseudoText.assertWrapped(AdminMessages.class, "/messages/admin_qps.properties");
        PseudoText.assertWrapped(PasskeyMessages.class, "/messages/passkey_qps.properties");
    }

    @Test
    void everyConsolePageIsTranslated() {
        String admin = tokens.mint("pseudo-admin", OrganiserTokens.ADMIN, List.of(), null)
                .token();
        for (String path : List.of(
                "/organisers",
                "/organisers/letters/" + LETTER,
                "/organisers/letters/" + LETTER + "/invalidations?domain=spam.example&reason=spam",
                "/organisers/audit",
                "/organisers/tokens",
                "/organisers/invitations",
                "/organisers/sign-in")) {
            assertTranslated(path, page(admin, path).asString());
        }

        // a preview, a form with mistakes, a minted token
        Response bulk = page(admin, "/organisers/letters/" + LETTER + "/invalidations");
        assertTranslated(
                "preview",
                post(admin, bulk)
                        .formParam("domain", "nobody.example")
                        .formParam("reason", "spam")
                        .post("/organisers/letters/" + LETTER + "/invalidations/preview")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertTranslated(
                "bulk errors",
                post(admin, bulk)
                        .formParam("reason", "Not A Code")
                        .formParam("from", "yesterday")
                        .post("/organisers/letters/" + LETTER + "/invalidations/preview")
                        .then()
                        .statusCode(400)
                        .extract()
                        .asString());
        Response tokensPage = page(admin, "/organisers/tokens");
        assertTranslated(
                "minted",
                post(admin, tokensPage)
                        .formParam("subject", "bot:pseudo")
                        .formParam("role", "organiser")
                        .formParam("letters", LETTER)
                        .post("/organisers/tokens")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertTranslated(
                "mint errors",
                post(admin, tokensPage)
                        .formParam("subject", "no spaces allowed")
                        .post("/organisers/tokens")
                        .then()
                        .statusCode(400)
                        .extract()
                        .asString());
    }

    @Test
    void theInvitationPagesAndTheEnrolmentPageAreTranslated() {
        String admin = tokens.mint("pseudo-admin", OrganiserTokens.ADMIN, List.of(), null)
                .token();
        Response invitations = page(admin, "/organisers/invitations");
        String invited = post(admin, invitations)
                .formParam("subject", "pseudo.organiser")
                .formParam("role", "organiser")
                .formParam("letters", LETTER)
                .post("/organisers/invitations")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTranslated("invited", invited);
        String link = Jsoup.parse(invited).selectFirst("#invitation-link").text();
        String enrol = link.substring(link.indexOf("/organisers/enrol/"));
        assertTranslated("enrolment", page(null, enrol).asString());
        assertTranslated(
                "invitation errors",
                post(admin, invitations)
                        .formParam("subject", "no spaces allowed")
                        .formParam("lifetime", "forever")
                        .post("/organisers/invitations")
                        .then()
                        .statusCode(400)
                        .extract()
                        .asString());
        assertTranslated(
                "spent invitation",
                given().accept("text/html")
                        .header("Accept-Language", "qps")
                        .get("/organisers/enrol/not-an-invitation")
                        .then()
                        .statusCode(410)
                        .extract()
                        .asString());
    }

    private static void assertTranslated(String where, String html) {
        Document doc = Jsoup.parse(html);
        assertThat(doc.selectFirst("html").attr("lang")).as(where).isEqualTo("qps");
        assertThat(PseudoText.outsideMessages(doc.select("body"))).as(where).isEmpty();
    }

    private static Response page(String token, String path) {
        RequestSpecification request = given().accept("text/html").header("Accept-Language", "qps");
        Response page = (token == null ? request : request.cookie("organiser", token)).get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page;
    }

    /** A form post from the page: its CSRF cookie and token, the organiser cookie, the pseudo-locale. */
    private static RequestSpecification post(String token, Response from) {
        return given().accept("text/html")
                .header("Accept-Language", "qps")
                .cookie("organiser", token)
                .cookie("csrf", from.getCookie("csrf"))
                .contentType("application/x-www-form-urlencoded")
                .formParam(
                        "csrf",
                        Jsoup.parse(from.asString()).select("input[name=csrf]").attr("value"));
    }
}
