package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.TestClock;
import org.undersigned.transparency.TransparencyLog;

/** The whole email flow against a real SMTP server: sign, mail, confirm, counted, listed, withdraw. */
@QuarkusTest
class SigningFlowTest {

    static final String LETTER = "sample-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Inject
    TestClock clock;

    @Test
    void signConfirmCountListAndWithdraw() {
        String email = unique("ada");
        long before = total();

        JsonPath receipt = sign(Map.of(
                        "name",
                        "Ada Testperson",
                        "email",
                        email,
                        "organisation",
                        "Example University",
                        "role",
                        "Professor",
                        "listing",
                        "public"))
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        assertThat(receipt.getString("status")).isEqualTo("pending-email");
        String id = receipt.getString("id");

        MimeMessage confirmMail = Mailbox.await(mail, email, 1);
        assertThat(Mailbox.subject(confirmMail)).startsWith("Confirm your signature");
        String confirm = Mailbox.link(confirmMail, "/confirm/");

        // a mail scanner opening the link changes nothing
        Document page = Jsoup.parse(given().accept("text/html")
                .get(confirm)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("form[action=" + confirm + "] button").text()).isEqualTo("Confirm my signature");
        assertThat(page.text()).contains("Ada Testperson");
        given().get(confirm).then().statusCode(200);
        assertThat(total()).isEqualTo(before);
        given().get("/api/signatures/" + id)
                .then()
                .body("status", equalTo("pending-email"))
                .body("name", nullValue());

        FormSession.open(confirm)
                .post()
                .post(confirm)
                .then()
                .statusCode(200)
                .body(containsString("your signature is counted"));

        assertThat(total()).isEqualTo(before + 1);
        given().get("/api/signatures/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("confirmed"))
                .body("name", equalTo("Ada Testperson"))
                .body("letter", equalTo(LETTER))
                .body("version", equalTo(3))
                .body("levels.identity", equalTo("email"))
                .body("levels.affiliation", equalTo("self"))
                .body("toString()", not(containsString(email)));
        given().get("/api/letters/" + LETTER + "/signatories?q=testperson&limit=200")
                .then()
                .statusCode(200)
                .body("items.name", hasItem("Ada Testperson"))
                .body("toString()", not(containsString(email)));

        MimeMessage receiptMail = Mailbox.await(mail, email, 2);
        assertThat(Mailbox.subject(receiptMail)).startsWith("Your signature is counted");
        String withdraw = Mailbox.link(receiptMail, "/withdraw/");

        given().accept("text/html").get(withdraw).then().statusCode(200).body(containsString("Withdraw my signature"));
        assertThat(total()).isEqualTo(before + 1);
        FormSession.open(withdraw)
                .post()
                .post(withdraw)
                .then()
                .statusCode(200)
                .body(containsString("Your signature is withdrawn"));

        assertThat(total()).isEqualTo(before);
        given().get("/api/signatures/" + id)
                .then()
                .body("status", equalTo("withdrawn"))
                .body("name", nullValue());
        given().get("/api/letters/" + LETTER + "/signatories?q=ada testperson")
                .then()
                .body("items.name", not(hasItem("Ada Testperson")));
    }

    @Test
    void signingAgainWithAnotherSpellingOfTheAddressNeverCountsTwice() {
        String email = unique("grace");
        long before = total();
        confirmSignature("Grace Example", email, "public");
        assertThat(total()).isEqualTo(before + 1);

        String respelled = "  " + email.toUpperCase() + " ";
        JsonPath again = sign(Map.of("name", "Grace Example", "email", respelled, "listing", "public"))
                .then()
                .statusCode(202)
                .extract()
                .jsonPath();
        assertThat(again.getString("status")).isEqualTo("pending-email");
        given().get("/api/signatures/" + again.getString("id")).then().body("status", equalTo("pending-email"));

        MimeMessage already = Mailbox.await(mail, email, 3);
        assertThat(Mailbox.subject(already)).startsWith("You have already signed");
        assertThat(Mailbox.body(already)).contains("/withdraw/");
        assertThat(total()).isEqualTo(before + 1);
    }

    @Test
    void signingAgainWhilePendingResendsTheConfirmation() {
        String email = unique("pending");
        String first = sign(Map.of("name", "Pat Pending", "email", email, "listing", "public"))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String second = sign(Map.of("name", "Pat Pending", "email", email.toUpperCase(), "listing", "public"))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        // the repeat has an id of its own that reads as pending, and the first sign-up is untouched
        assertThat(second).isNotEqualTo(first);
        given().get("/api/signatures/" + second).then().body("status", equalTo("pending-email"));
        MimeMessage resent = Mailbox.await(mail, email, 2);
        assertThat(Mailbox.subject(resent)).startsWith("Confirm your signature");
        // either link confirms, and the signature counts once
        long before = total();
        String link = Mailbox.link(resent, "/confirm/");
        FormSession.open(link).post().post(link).then().statusCode(200);
        String older = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        // the CSRF token belongs to the browser, not to a form: any page's token will do
        FormSession.open("/letters/" + LETTER + "/sign")
                .post()
                .post(older)
                .then()
                .statusCode(410);
        assertThat(total()).isEqualTo(before + 1);
    }

    @Test
    void privateSignerIsCountedButNeverListed() {
        String email = unique("private");
        long before = total();
        String id = confirmSignature("Priya Hiddenname", email, "private");

        assertThat(total()).isEqualTo(before + 1);
        given().get("/api/letters/" + LETTER + "/signatories?q=hiddenname")
                .then()
                .body("items", Matchers.empty());
        given().accept("text/html")
                .get("/letters/" + LETTER + "/signatories?q=hiddenname")
                .then()
                .body(not(containsString("Priya")));
        given().get("/letters/" + LETTER + "/signatories.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .body(not(containsString("Priya")));
        given().accept("text/html").get("/letters/" + LETTER).then().body(not(containsString("Priya")));
        given().get("/api/signatures/" + id)
                .then()
                .body("status", equalTo("confirmed"))
                .body("name", nullValue())
                .body("listing", equalTo("private"));
    }

    @Test
    void searchIgnoresCaseAndAccentsAndTheCsvListsPublicSigners() {
        String email = unique("jose");
        confirmSignature("José Ñúñez-Test", email, "public");
        given().get("/api/letters/" + LETTER + "/signatories?q=jose nunez")
                .then()
                .body("items.name", hasItem("José Ñúñez-Test"));
        given().get("/api/letters/" + LETTER + "/signatories?q=JOSÉ")
                .then()
                .body("items.name", hasItem("José Ñúñez-Test"));
        Counted.settle(log);
        clock.set(SignatoryCsvTest.later()); // the CSV's copy may be a minute old: a minute on, it has her
        try {
            given().get("/letters/" + LETTER + "/signatories.csv")
                    .then()
                    .statusCode(200)
                    .body(containsString("\"José Ñúñez-Test\""));
        } finally {
            clock.reset();
        }
        given().accept("text/html")
                .get("/letters/" + LETTER + "/signatories?q=nunez")
                .then()
                .statusCode(200)
                .body(containsString("José Ñúñez-Test"));
    }

    @Test
    void aNameSearchOfFewerThanThreeLettersIsRefusedWithAClearAnswer() {
        confirmSignature("Li Wu", unique("liwu"), "public");
        for (String q : new String[] {"l", "Wu", " w u ", "é!", "--", "%_"}) {
            given().queryParam("q", q)
                    .get("/api/letters/" + LETTER + "/signatories")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.q", containsString("at least 3 letters"));
            Document page = Jsoup.parse(given().accept("text/html")
                    .queryParam("q", q)
                    .get("/letters/" + LETTER + "/signatories")
                    .then()
                    .statusCode(400)
                    .contentType(containsString("text/html"))
                    .extract()
                    .asString());
            assertThat(page.select("#q-problem").text()).contains("at least 3 letters");
            assertThat(page.select("#q").attr("value")).isEqualTo(q);
            assertThat(page.select("ol.signatories li")).isEmpty();
        }
        // three letters are enough, and no query lists everyone as before
        given().get("/api/letters/" + LETTER + "/signatories?q=li w")
                .then()
                .statusCode(200)
                .body("items.name", hasItem("Li Wu"));
        given().get("/api/letters/" + LETTER + "/signatories?q=").then().statusCode(200);
        given().accept("text/html")
                .queryParam("q", " ")
                .get("/letters/" + LETTER + "/signatories")
                .then()
                .statusCode(200);
    }

    @Test
    void signatoriesArePagedWithAKeysetCursor() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            confirmSignature("Pager" + tag + " Number" + i, unique("pager" + i), "public");
        }
        JsonPath first = given().get("/api/letters/" + LETTER + "/signatories?q=pager" + tag + "&limit=2")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(first.getList("items.name")).hasSize(2);
        String next = first.getString("next");
        assertThat(next).isNotNull();
        JsonPath second = given().get(
                        "/api/letters/" + LETTER + "/signatories?q=pager" + tag + "&limit=2&after=" + next)
                .then()
                .extract()
                .jsonPath();
        assertThat(second.getList("items.name")).containsExactly("Pager" + tag + " Number2");
        assertThat(second.getString("next")).isNull();
        given().get("/api/letters/" + LETTER + "/signatories?after=abc")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.after", containsString("next"));
    }

    @Test
    void withdrawalCanEraseThePersonalData() {
        String email = unique("erase");
        String id = confirmSignature("Erin Erasable", email, "public");
        String withdraw = Mailbox.link(Mailbox.await(mail, email, 2), "/withdraw/");
        given().get("/api/signatures/" + id + "/attestations").then().body("size()", equalTo(1));
        FormSession.open(withdraw)
                .post()
                .formParam("erase", "yes")
                .post(withdraw)
                .then()
                .statusCode(200)
                .body(containsString("have been erased"));
        given().get("/api/signatures/" + id)
                .then()
                .body("status", equalTo("withdrawn"))
                .body("name", equalTo(null));
        // the signed statements named the public signer: they are not served any more
        given().get("/api/signatures/" + id + "/attestations").then().body("size()", equalTo(0));
        given().get("/letters/" + LETTER + "/signatories.csv").then().body(not(containsString("Erin Erasable")));
        // the link is single use
        FormSession.open("/letters/" + LETTER + "/sign")
                .post()
                .post(withdraw)
                .then()
                .statusCode(410)
                .body(containsString("already been used"));
    }

    @Test
    void forgedUsedAndExpiredLinksGetClearPages() {
        given().accept("text/html")
                .get("/confirm/" + "A".repeat(43))
                .then()
                .statusCode(200)
                .body(containsString("This link is not valid"));
        given().accept("text/html").get("/confirm/short").then().body(containsString("This link is not valid"));
        given().contentType(ContentType.JSON)
                .body(Map.of("token", "B".repeat(43)))
                .post("/api/confirmations")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        String email = unique("reuse");
        sign(Map.of("name", "Reuben Reuse", "email", email, "listing", "public"))
                .then()
                .statusCode(202);
        String link = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        String token = link.substring("/confirm/".length());
        given().contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/api/confirmations")
                .then()
                .statusCode(200)
                .body("status", equalTo("confirmed"));
        given().contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/api/confirmations")
                .then()
                .statusCode(410)
                .body("detail", containsString("already been used"));
        given().accept("text/html").get(link).then().body(containsString("already been used"));
    }

    @Test
    void theApiNamesEachBadFieldAndRefusesClosedAndUnknownLetters() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", " ", "email", "not-an-address", "listing", "everyone"))
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.name", containsString("name"))
                .body("errors.email", containsString("does not look like an email address"))
                .body("errors.listing", containsString("publicly"));
        given().contentType(ContentType.JSON)
                .body("{\"name\": ")
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.TEXT)
                .body("name=x")
                .post("/api/letters/" + LETTER + "/signatures")
                .then()
                .statusCode(415);
        sign(Map.of("name", "A", "email", "a@example.org", "listing", "public"), "closed-letter")
                .then()
                .statusCode(409)
                .body("detail", containsString("closed"));
        sign(Map.of("name", "A", "email", "a@example.org", "listing", "public"), "no-such-letter")
                .then()
                .statusCode(404);
        sign(Map.of("name", "A", "email", "a@example.org", "listing", "public"), "draft-letter")
                .then()
                .statusCode(404);
    }

    @Test
    void theCountHasEveryDimensionAnEtagAndCors() {
        confirmSignature("Counted Person", unique("count"), "public");
        Counted.settle(log);
        var response = given().get("/api/letters/" + LETTER + "/count")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .body("letter", equalTo(LETTER))
                .body("checkpoint.size", Matchers.greaterThanOrEqualTo(1))
                .body("checkpoint.rootHash", Matchers.matchesPattern("[A-Za-z0-9+/]{43}="))
                .body("byLevel.self", Matchers.greaterThanOrEqualTo(1))
                .body("byVersion.'3'", Matchers.greaterThanOrEqualTo(1))
                .body("asOf", Matchers.notNullValue())
                .extract()
                .response();
        JsonPath json = response.jsonPath();
        long byVersion = json.getMap("byVersion", String.class, Integer.class).values().stream()
                .mapToLong(i -> i)
                .sum();
        assertThat(byVersion).isEqualTo(json.getLong("total"));
        String etag = response.getHeader("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag)
                .get("/api/letters/" + LETTER + "/count")
                .then()
                .statusCode(304);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static Response sign(Map<String, String> body) {
        return sign(body, LETTER);
    }

    static Response sign(Map<String, String> body, String letter) {
        return given().contentType(ContentType.JSON).body(body).post("/api/letters/" + letter + "/signatures");
    }

    long total() {
        return Counted.total(LETTER, log);
    }

    /** Signs through the API and confirms through the mailed link; returns the signature id. */
    String confirmSignature(String name, String email, String listing) {
        String id = sign(Map.of("name", name, "email", email, "organisation", "Example Lab", "listing", listing))
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String link = Mailbox.link(Mailbox.await(mail, email, 1), "/confirm/");
        FormSession.open(link).post().post(link).then().statusCode(200);
        return id;
    }
}
