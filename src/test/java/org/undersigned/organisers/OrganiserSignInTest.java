package org.undersigned.organisers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.support.MailServer;
import org.undersigned.support.OrcidServers;
import org.undersigned.support.OrcidSession;
import org.undersigned.support.Signing;

/** Organisers sign in with ORCID and get a short-lived token in a protected cookie; others are refused. */
@QuarkusTest
class OrganiserSignInTest {

    @OrcidServers.Inject
    MockOAuth2Server provider;

    @MailServer.Inject
    GreenMail mail;

    @Test
    void anOrganiserListedInLetterYamlGetsAProtectedTokenCookieAndModeratesFromThePage() {
        String held = Signing.signAndConfirm(
                mail,
                "orcid-letter",
                Map.of("name", "Avi Wigderson", "email", Signing.address("aw", "example.org"), "listing", "public"));
        OrcidSession session = OrcidSession.signIn(provider, OrcidServers.RESEARCHER, Map.of(), "/orcid/organiser");
        Response signIn = session.get("/orcid/organiser");
        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.header("Location")).endsWith("/organisers");
        String setCookie = signIn.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("organiser="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

        Document page = Jsoup.parse(
                session.get("/organisers").then().statusCode(200).extract().asString());
        assertThat(page.select("#held-" + held).text()).contains("Avi Wigderson", "matches Avi Wigderson");
        session.form(page, "/organisers/letters/orcid-letter/moderation/" + held + "/release")
                .post("/organisers/letters/orcid-letter/moderation/" + held + "/release")
                .then()
                .statusCode(303);
        given().get("/api/signatures/" + held).then().body("status", equalTo("confirmed"));

        // the token covers its own letters only
        given().cookie("organiser", session.cookies().get("organiser"))
                .get("/api/letters/log-letter/moderation")
                .then()
                .statusCode(403);
    }

    @Test
    void signingOutRevokesTheTokenEvenWhereACopyWasKept() {
        OrcidSession session = OrcidSession.signIn(provider, OrcidServers.RESEARCHER, Map.of(), "/orcid/organiser");
        session.get("/orcid/organiser").then().statusCode(303);
        String kept = session.cookies().get("organiser");
        given().auth()
                .oauth2(kept)
                .get("/api/letters/orcid-letter/moderation")
                .then()
                .statusCode(200);
        Document page = Jsoup.parse(
                session.get("/organisers").then().statusCode(200).extract().asString());

        Response out = session.form(page, "/organisers/sign-out").post("/organisers/sign-out");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().getValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("organiser=") && c.toLowerCase().contains("max-age=0"));

        given().auth()
                .oauth2(kept)
                .get("/api/letters/orcid-letter/moderation")
                .then()
                .statusCode(401);
        given().cookie("organiser", kept).get("/organisers").then().statusCode(401);
        // signing out again with the revoked cookie still just signs out
        session.form(page, "/organisers/sign-out")
                .post("/organisers/sign-out")
                .then()
                .statusCode(303);
    }

    @Test
    void someoneWhoOrganisesNothingIsRefused() {
        OrcidSession session = OrcidSession.signIn(provider, OrcidServers.EMPTY, Map.of(), "/orcid/organiser");
        session.get("/orcid/organiser").then().statusCode(403).body(containsString("is not an organiser"));
        given().get("/organisers").then().statusCode(401);
    }
}
