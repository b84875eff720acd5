package org.undersigned.organisers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Counted;
import org.undersigned.support.MailServer;
import org.undersigned.support.Signing;
import org.undersigned.transparency.TransparencyLog;

/** The impersonation guard and what organisers do about it, with real tokens through the real endpoints. */
@QuarkusTest
class ModerationTest {

    static final String LETTER = "sample-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Inject
    OrganiserTokens tokens;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Test
    void aFamousNameSigningByEmailIsHeldUntilAnOrganiserReleasesIt() {
        long before = Counted.total(LETTER, log);
        String id = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of("name", "Geoffrey Hinton", "email", Signing.address("gh", "example.org"), "listing", "public"));

        given().get("/api/signatures/" + id)
                .then()
                .body("status", equalTo("held"))
                .body("receipt", equalTo(null));
        assertThat(Counted.total(LETTER, log)).isEqualTo(before);
        given().get("/api/letters/" + LETTER + "/signatories?q=hinton&limit=200")
                .then()
                .body("items.id", not(hasItem(id)));

        String organiser = organiserOf(LETTER);
        given().auth()
                .oauth2(organiser)
                .get("/api/letters/" + LETTER + "/moderation?limit=500")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.heldAs", equalTo("Geoffrey Hinton"));
        given().auth()
                .oauth2(organiser)
                .post("/api/letters/" + LETTER + "/moderation/" + id + "/release")
                .then()
                .statusCode(200)
                .body("status", equalTo("released"));

        assertThat(Counted.total(LETTER, log)).isEqualTo(before + 1);
        given().get("/api/signatures/" + id).then().body("status", equalTo("confirmed"));
        given().get("/api/letters/" + LETTER + "/signatories?q=hinton&limit=200")
                .then()
                .body("items.id", hasItem(id));
        given().auth()
                .oauth2(organiser)
                .get("/api/letters/" + LETTER + "/moderation?limit=500")
                .then()
                .body("id", not(hasItem(id)));

        // an organiser then attests the honour: an evidence entry, a signed statement and the honour on the list
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "honour", "honour", "turing-award", "year", 2018))
                .post("/api/letters/" + LETTER + "/signatures/" + id + "/attestations")
                .then()
                .statusCode(200);
        given().get("/api/letters/" + LETTER + "/signatories?q=hinton&limit=200")
                .then()
                .body("items.find { it.id == '" + id + "' }.honours", equalTo("ACM A.M. Turing Award 2018"));
        given().get("/api/signatures/" + id + "/attestations")
                .then()
                .statusCode(200)
                .body("payloadType", hasItem("application/vnd.in-toto+json"))
                .body("size()", equalTo(2));
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "honour", "honour", "turing-award", "year", 1999))
                .post("/api/letters/" + LETTER + "/signatures/" + id + "/attestations")
                .then()
                .statusCode(400);
    }

    @Test
    void aRejectionIsAnInvalidationWithItsReasonInTheLog() {
        long before = Counted.total(LETTER, log);
        String id = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of("name", "Yann Le Cun", "email", Signing.address("ylc", "example.org"), "listing", "public"));
        given().get("/api/signatures/" + id).then().body("status", equalTo("held"));

        given().auth()
                .oauth2(organiserOf(LETTER))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "impersonation"))
                .post("/api/letters/" + LETTER + "/moderation/" + id + "/reject")
                .then()
                .statusCode(200);

        given().get("/api/signatures/" + id).then().body("status", equalTo("rejected"));
        assertThat(Counted.total(LETTER, log)).isEqualTo(before);
        long size = given().get("/api/letters/" + LETTER + "/count")
                .then()
                .extract()
                .jsonPath()
                .getLong("checkpoint.size");
        String entries = new String(
                given().get("/log/" + LETTER + "/tile/entries/" + lastBundle(size))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
        assertThat(entries).contains("\"reason\":\"impersonation\"").contains("\"type\":\"invalidation\"");
        // a decided signature is not in the queue any more and cannot be decided twice
        given().auth()
                .oauth2(organiserOf(LETTER))
                .post("/api/letters/" + LETTER + "/moderation/" + id + "/release")
                .then()
                .statusCode(409);
    }

    @Test
    void organisersInvalidateInBulkByDomainWindowAndNetworkWithTheReasonInTheLog() {
        String letter = "bulk-letter";
        String domain = "bulk-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        String a = Signing.signAndConfirm(
                mail, letter, Map.of("name", "Bulk One", "email", Signing.address("b1", domain), "listing", "public"));
        String b = Signing.signAndConfirm(
                mail,
                letter,
                Map.of("name", "Bulk Two", "email", Signing.address("b2", "mail." + domain), "listing", "private"));
        String keep = Signing.signAndConfirm(
                mail,
                letter,
                Map.of("name", "Bulk Keeper", "email", Signing.address("keep", "other.example"), "listing", "public"));
        long before = Counted.total(letter, log);
        String organiser = tokens.mint("admin-bulk", OrganiserTokens.ADMIN, List.of(), null)
                .token();
        String path = "/api/letters/" + letter + "/invalidations";

        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "spam"))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.filter", Matchers.containsString("at least one"));
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of("domain", domain, "reason", "spam", "dryRun", true))
                .post(path)
                .then()
                .statusCode(200)
                .body("matched", equalTo(2))
                .body("invalidated", equalTo(0));
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "network",
                        "10.9.9.9",
                        "from",
                        OffsetDateTime.now().minusMinutes(5).toString(),
                        "reason",
                        "spam",
                        "dryRun",
                        true))
                .post(path)
                .then()
                .body("matched", equalTo(0));
        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "network",
                        "127.0.0.1",
                        "from",
                        OffsetDateTime.now().minusMinutes(5).toString(),
                        "reason",
                        "spam",
                        "dryRun",
                        true))
                .post(path)
                .then()
                .body("matched", Matchers.greaterThanOrEqualTo(3));
        assertThat(Counted.total(letter, log)).isEqualTo(before);

        given().auth()
                .oauth2(organiser)
                .contentType(ContentType.JSON)
                .body(Map.of("domain", domain, "reason", "spam"))
                .post(path)
                .then()
                .statusCode(200)
                .body("invalidated", equalTo(2));

        assertThat(Counted.total(letter, log)).isEqualTo(before - 2);
        given().get("/api/signatures/" + a).then().body("status", equalTo("rejected"));
        given().get("/api/signatures/" + b).then().body("status", equalTo("rejected"));
        given().get("/api/signatures/" + keep).then().body("status", equalTo("confirmed"));
        long size = given().get("/api/letters/" + letter + "/count")
                .then()
                .extract()
                .jsonPath()
                .getLong("checkpoint.size");
        String entries = new String(
                given().get("/log/" + letter + "/tile/entries/" + lastBundle(size))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
        assertThat(entries.split("\"reason\":\"spam\"", -1)).hasSizeGreaterThanOrEqualTo(3);
        given().auth()
                .oauth2(organiser)
                .get("/api/admin/audit?limit=20")
                .then()
                .body("find { it.action == 'invalidate' }.detail", Matchers.startsWith("spam: 2 signatures"));
    }

    @Test
    void theOrganiserCookieActsOnlyForRequestsFromThisSite() {
        String id = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of("name", "Yoshua Bengio", "email", Signing.address("yb", "example.org"), "listing", "public"));
        String cookie = organiserOf(LETTER);
        String release = "/api/letters/" + LETTER + "/moderation/" + id + "/release";

        given().cookie("organiser", cookie)
                .header("Origin", "https://elsewhere.example")
                .post(release)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", Matchers.containsString("another site"));
        given().cookie("organiser", cookie)
                .header("Sec-Fetch-Site", "same-site")
                .post(release)
                .then()
                .statusCode(403);
        given().cookie("organiser", cookie)
                .header("Origin", "null")
                .post(release)
                .then()
                .statusCode(403);
        given().get("/api/signatures/" + id).then().body("status", equalTo("held"));

        given().cookie("organiser", cookie)
                .header("Origin", issuer)
                .header("Sec-Fetch-Site", "same-origin")
                .post(release)
                .then()
                .statusCode(200)
                .body("status", equalTo("released"));
        given().get("/api/signatures/" + id).then().body("status", equalTo("confirmed"));
    }

    @Test
    void aBearerTokenIsNotTiedToAnOrigin() {
        String id = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of("name", "Yann LeCun", "email", Signing.address("yl", "example.org"), "listing", "public"));
        given().auth()
                .oauth2(organiserOf(LETTER))
                .header("Origin", "https://elsewhere.example")
                .post("/api/letters/" + LETTER + "/moderation/" + id + "/release")
                .then()
                .statusCode(200);
    }

    @Test
    void forgedExpiredAndWrongRoleTokensAreRefused() throws Exception {
        String path = "/api/letters/" + LETTER + "/moderation";
        given().get(path).then().statusCode(401);
        var otherKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        String forged = Jwt.issuer(issuer)
                .subject("0000-0002-1825-0097")
                .groups(Set.of("admin"))
                .claim("letters", List.of(LETTER))
                .expiresIn(600)
                .jws()
                .algorithm(SignatureAlgorithm.EDDSA)
                .sign(otherKey);
        given().auth().oauth2(forged).get(path).then().statusCode(401);
        String expired = tokens.mint(
                        "0000-0002-1825-0097", OrganiserTokens.ORGANISER, List.of(LETTER), Duration.ofMinutes(-5))
                .token();
        given().auth().oauth2(expired).get(path).then().statusCode(401);
        given().auth().oauth2(organiserOf("closed-letter")).get(path).then().statusCode(403);
        given().auth()
                .oauth2(organiserOf(LETTER))
                .get("/api/admin/audit")
                .then()
                .statusCode(403);
        given().cookie("organiser", organiserOf(LETTER)).get(path).then().statusCode(200);
    }

    @Test
    void everyOrganiserActionIsInTheAuditTrailThatAdminsRead() {
        String admin = tokens.mint("admin-tester", OrganiserTokens.ADMIN, List.of(), null)
                .token();
        String bot = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "subject",
                        "bot:moderation",
                        "role",
                        "organiser",
                        "letters",
                        List.of(LETTER),
                        "lifetime",
                        "PT1H"))
                .post("/api/admin/tokens")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("token");
        String id = Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of("name", "Leslie Lamport", "email", Signing.address("ll", "example.org"), "listing", "private"));
        given().auth()
                .oauth2(bot)
                .post("/api/letters/" + LETTER + "/moderation/" + id + "/release")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(admin)
                .get("/api/admin/audit?limit=50")
                .then()
                .statusCode(200)
                .body("find { it.target == '" + id + "' }.actor", equalTo("bot:moderation"))
                .body("find { it.target == '" + id + "' }.action", equalTo("release"))
                .body("find { it.target == 'bot:moderation' }.actor", equalTo("admin-tester"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "x", "role", "root"))
                .post("/api/admin/tokens")
                .then()
                .statusCode(400);
    }

    private String organiserOf(String letter) {
        return tokens.mint("0000-0002-1825-0097", OrganiserTokens.ORGANISER, List.of(letter), null)
                .token();
    }

    /** The entry bundle holding the newest entry of a tree of {@code size} entries (C2SP tlog-tiles paths). */
    private static String lastBundle(long size) {
        long n = (size - 1) / 256;
        long width = size - n * 256;
        String index = String.format("%03d", n);
        return width == 256 ? index : index + ".p/" + width;
    }
}
