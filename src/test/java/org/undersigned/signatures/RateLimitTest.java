package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Signing;

/** Small limits, and 127.0.0.1 as a trusted proxy so each test can pose as its own client network. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    @MailServer.Inject
    GreenMail mail;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "undersigned.rate-limit.ipv6-site-factor",
                    "2",
                    "undersigned.rate-limit.junk-links",
                    "2",
                    "undersigned.rate-limit.network-signs",
                    "3",
                    "undersigned.rate-limit.email-signs",
                    "2",
                    "undersigned.rate-limit.domain-signs",
                    "12",
                    "undersigned.rate-limit.period",
                    "10m",
                    "undersigned.trusted-proxies",
                    "127.0.0.1",
                    "undersigned.letters.cache",
                    "1m"); // so that API sign-ups take SignRoute, as in production
        }
    }

    @Test
    void aNetworkIsLimitedAndToldWhenToComeBack() {
        double routed = registry.counter("undersigned.signatures.early").count();
        for (int i = 0; i < 3; i++) {
            sign("198.51.100.7", SigningFlowTest.unique("net" + i)).then().statusCode(202);
        }
        sign("198.51.100.7", SigningFlowTest.unique("net4"))
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("try again"));
        // another network is not affected
        sign("198.51.100.8", SigningFlowTest.unique("other")).then().statusCode(202);
        // all but perhaps the first (which may have loaded the letter) were SignRoute's, limits taken on a worker
        assertThat(registry.counter("undersigned.signatures.early").count()).isGreaterThanOrEqualTo(routed + 3);
    }

    @Test
    void anEmailAddressIsLimitedWhicheverNetworkItComesFrom() {
        String email = SigningFlowTest.unique("same");
        sign("203.0.113.1", email).then().statusCode(202);
        sign("203.0.113.2", email.toUpperCase()).then().statusCode(202);
        sign("203.0.113.3", email).then().statusCode(429);
        // the refused request spent nothing from that network's allowance of 3
        String domain = "spent-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        for (int i = 0; i < 3; i++) {
            sign("203.0.113.3", Signing.address("after" + i, domain)).then().statusCode(202);
        }
        sign("203.0.113.3", Signing.address("after3", domain)).then().statusCode(429);
    }

    @Test
    void theFormGetsAHumanPageWithRetryAfter() {
        FormSession session = FormSession.open("/letters/sample-letter");
        for (int i = 0; i < 3; i++) {
            session.post()
                    .header("X-Forwarded-For", "192.0.2.44")
                    .formParam("name", "Form " + i)
                    .formParam("email", SigningFlowTest.unique("f" + i))
                    .formParam("listing", "public")
                    .post("/letters/sample-letter/sign")
                    .then()
                    .statusCode(200);
        }
        session.post()
                .header("X-Forwarded-For", "192.0.2.44")
                .formParam("name", "Form 4")
                .formParam("email", SigningFlowTest.unique("f4"))
                .formParam("listing", "public")
                .post("/letters/sample-letter/sign")
                .then()
                .statusCode(429)
                .contentType(containsString("text/html"))
                .header("Retry-After", notNullValue())
                .body(containsString("Too Many Requests"))
                .body(containsString("nothing is lost"));
    }

    @Test
    void aMailDomainIsLimitedWhateverAddressesItMintsButSharedWebmailIsNot() {
        String domain = "catchall-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        for (int i = 0; i < 12; i++) {
            sign("198.18.0." + (i + 1), "minted" + i + "@" + domain).then().statusCode(202);
        }
        sign("198.18.0.13", "minted12@" + domain).then().statusCode(429).header("Retry-After", notNullValue());
        sign("198.18.0.14", "another" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain)
                .then()
                .statusCode(429);
        // a shared webmail domain is many people, not one inbox: no domain limit there
        for (int i = 0; i < 14; i++) {
            sign(
                            "198.18.1." + (i + 1),
                            "webmail" + i + UUID.randomUUID().toString().substring(0, 6) + "@gmail.com")
                    .then()
                    .statusCode(202);
        }
    }

    @Test
    void askingToSignInWithAPasskeyIsLimitedPerNetworkSoNobodyFillsTheChallengeTable() {
        // twice the sign-ups' allowance, as for asking for a link by mail
        for (int i = 0; i < 6; i++) {
            passkeyOptions("198.51.100.60").then().statusCode(200);
        }
        passkeyOptions("198.51.100.60")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        passkeyOptions("198.51.100.61").then().statusCode(200);
    }

    private static Response passkeyOptions(String client) {
        return given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .body("{}")
                .post("/signers/passkeys/options");
    }

    @Test
    void junkLinkTokensGet429AfterTheirOwnSmallBudget() {
        String client = "198.51.100.90";
        confirmByApi(client, "B".repeat(43)).then().statusCode(404);
        confirmByApi(client, "short").then().statusCode(404);
        confirmByApi(client, "C".repeat(43))
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        // the form's link pages share the budget: a guessed withdrawal link from there is refused too
        FormSession.open("/letters/sample-letter")
                .post()
                .header("X-Forwarded-For", client)
                .post("/withdraw/" + "D".repeat(43))
                .then()
                .statusCode(429);
        // another network still gets its answer
        confirmByApi("198.51.100.91", "B".repeat(43)).then().statusCode(404);
    }

    @Test
    void aGenuineLinkNeitherSpendsNorIsRefusedByTheNetworksLinkBudget() {
        // many people behind one address (a campus NAT) confirming at once; someone there also pastes junk
        String campus = "198.51.100.95";
        confirmByApi(campus, "E".repeat(43)).then().statusCode(404);
        confirmByApi(campus, "F".repeat(43)).then().statusCode(404);
        confirmByApi(campus, "G".repeat(43)).then().statusCode(429);
        String domain = "campus-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        // more genuine links than the old shared budget (twice the 3 sign-ups) held, after the junk budget ran out
        for (int i = 0; i < 7; i++) {
            String email = Signing.address("confirm" + i, domain);
            sign("192.0.2." + (100 + i), email).then().statusCode(202);
            String link = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
            FormSession.open(link)
                    .post()
                    .header("X-Forwarded-For", campus)
                    .post(link)
                    .then()
                    .statusCode(200)
                    .body(containsString("confirmed"));
        }
        confirmByApi(campus, "H".repeat(43)).then().statusCode(429);
    }

    @Test
    void ipv6AddressesInOneSlash64ShareABucket() {
        for (int i = 1; i <= 3; i++) {
            sign("2001:db8:a:1::" + i, SigningFlowTest.unique("v6host" + i))
                    .then()
                    .statusCode(202);
        }
        sign("2001:db8:a:1:ffff:ffff:ffff:9", SigningFlowTest.unique("v6host4"))
                .then()
                .statusCode(429);
    }

    @Test
    void ipv6Slash64sOfOneSlash48ShareTheSitesLargerBucket() {
        String domain = "site-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        // the site factor is 2: a /48 gets 6 sign-ups where a /64 gets 3
        for (int subnet = 1; subnet <= 2; subnet++) {
            for (int i = 1; i <= 3; i++) {
                sign("2001:db8:b:" + subnet + "::" + i, Signing.address("site" + subnet + i, domain))
                        .then()
                        .statusCode(202);
            }
        }
        sign("2001:db8:b:3::1", Signing.address("site31", domain)).then().statusCode(429);
        sign("2001:db8:b:ffff::1", Signing.address("siteff", domain)).then().statusCode(429);
        // the next /48 is another site
        sign("2001:db8:c:1::1", Signing.address("other-site", domain)).then().statusCode(202);
    }

    @Test
    void aNetworkGetsItsAllowanceBackAsThePeriodPassesAndItsAddressIsNotStored() throws Exception {
        String client = "198.51.100.20";
        String domain = "refill-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        for (int i = 0; i < 3; i++) {
            sign(client, Signing.address("refill" + i, domain)).then().statusCode(202);
        }
        sign(client, Signing.address("refill3", domain)).then().statusCode(429);
        // the bucket is stored under a hash of the network, never the address; a third of the period ago it was
        // empty, so one token (3 per 10 minutes) has come back since, and only one
        String id = "sign-network:"
                + HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256").digest(client.getBytes(StandardCharsets.UTF_8)),
                                0,
                                16);
        try (Connection c = dataSource.getConnection();
                PreparedStatement earlier = c.prepareStatement(
                        "UPDATE rate_limit SET tokens = 0, at = now() - interval '200 seconds' WHERE id = ?")) {
            earlier.setString(1, id);
            assertThat(earlier.executeUpdate()).isEqualTo(1);
            ResultSet plain = c.createStatement()
                    .executeQuery("SELECT count(*) FROM rate_limit WHERE id LIKE '%" + client + "%'");
            plain.next();
            assertThat(plain.getLong(1)).isZero();
        }
        sign(client, Signing.address("refill4", domain)).then().statusCode(202);
        sign(client, Signing.address("refill5", domain)).then().statusCode(429);
    }

    private static Response confirmByApi(String client, String token) {
        return given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/api/confirmations");
    }

    private static Response sign(String client, String email) {
        return given().header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Limited Person", "email", email, "listing", "public"))
                .post("/api/letters/sample-letter/signatures");
    }
}
