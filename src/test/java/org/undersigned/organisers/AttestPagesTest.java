package org.undersigned.organisers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Signing;

/**
 * Attesting in the console, through HTTP as a browser without JavaScript would: a letter's counted signatures listed
 * and searched, an honour then an affiliation attested, each showing the signed statement the API serves and the
 * signer's evidence level; refusals come back 400 with the form as typed; only the letter's organisers get in.
 */
@QuarkusTest
class AttestPagesTest {

    static final String LETTER = "attest-letter";
    static final String BASE = "/organisers/letters/" + LETTER;

    @org.undersigned.support.MailServer.Inject
    GreenMail mail;

    @Inject
    OrganiserTokens tokens;

    ConsoleClient organiser() {
        return new ConsoleClient(tokens.mint("bot:attest", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token());
    }

    /** A laureate's name is held by the impersonation guard until an organiser releases it; then it counts. */
    String countedLaureate(String name, String organisation) {
        Map<String, String> body = new HashMap<>(
                Map.of("name", name, "email", Signing.address("laureate", "example.org"), "listing", "public"));
        if (organisation != null) {
            body.put("organisation", organisation);
        }
        String id = Signing.signAndConfirm(mail, LETTER, body);
        given().auth()
                .oauth2(tokens.mint("bot:attest", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                        .token())
                .post("/api/letters/" + LETTER + "/moderation/" + id + "/release")
                .then()
                .statusCode(200);
        return id;
    }

    @Test
    void anOrganiserAttestsAnHonourThenAnAffiliationAndSeesEachSignedStatementAndTheNewLevel() {
        String id = countedLaureate("Leslie Lamport", "Microsoft Research");
        ConsoleClient console = organiser();

        // found by searching the counted signatures, and opened from the list
        Document list = console.page(BASE + "/signatures?q=lamport", 200);
        Element link = list.selectFirst("#s-" + id + " a");
        assertThat(link).isNotNull();
        String page = link.attr("href");
        assertThat(page).isEqualTo(BASE + "/signatures/" + id);
        Document before = console.page(page, 200);
        assertThat(before.select("#level").text()).isEqualTo("typed by the signer");
        assertThat(before.select("#f-organisation option[selected]").attr("value"))
                .isEqualTo("Microsoft");
        int statementsBefore = before.select("article.statement").size();

        Response honour = console.submit(page, page + "/honour", Map.of("honour", "turing-award", "year", "2013"));
        assertThat(honour.statusCode()).isEqualTo(303);
        assertThat(honour.header("Location")).endsWith(page + "?attested=honour");
        Document afterHonour = console.page(page + "?attested=honour", 200);
        assertThat(afterHonour.select("#attested").text()).contains("The honour is attested");
        assertThat(afterHonour.select("#honours").text()).isEqualTo("ACM A.M. Turing Award 2013");
        assertThat(afterHonour.select("article.statement")).hasSize(statementsBefore + 1);
        Element newest = afterHonour.selectFirst("article.statement");
        assertThat(newest.select("pre.payload").text())
                .contains("\"honourId\" : \"turing-award\"")
                .contains("\"year\" : 2013")
                .contains("\"attestedBy\" : \"bot:attest\"");
        assertServed(id, newest);

        Response affiliation = console.submit(page, page + "/affiliation", Map.of("organisation", "Microsoft"));
        assertThat(affiliation.statusCode()).isEqualTo(303);
        Document afterAffiliation = console.page(page + "?attested=affiliation", 200);
        assertThat(afterAffiliation.select("#attested").text()).contains("The affiliation is attested");
        assertThat(afterAffiliation.select("#level-now").text()).isEqualTo("attested by the organisers");
        Element latest = afterAffiliation.selectFirst("article.statement");
        assertThat(latest.select("pre.payload").text())
                .contains("\"attestedOrganisation\" : \"Microsoft\"")
                .contains("\"ror\" : \"ror.org/00d0nc645\"")
                .contains("https://undersigned.org/attestation/organiser/v1");
        assertServed(id, latest);
        given().get("/api/signatures/" + id)
                .then()
                .body("levels.affiliation", org.hamcrest.Matchers.equalTo("attested"));

        // both actions are in the audit trail, under the organiser's name
        String audit = console.get("/organisers/audit?letter=" + LETTER).asString();
        assertThat(audit).contains("attest-honour").contains("attest-affiliation");
    }

    /** The statement shown is one the public API serves: the same signature, and its payload decodes to it. */
    private static void assertServed(String id, Element shown) {
        List<Map<String, Object>> served = given().get("/api/signatures/" + id + "/attestations")
                .jsonPath()
                .getList("$");
        String sig = shown.selectFirst("code.sig").text();
        Map<String, Object> envelope = served.stream()
                .filter(e -> ((List<Map<String, String>>) e.get("signatures"))
                        .get(0)
                        .get("sig")
                        .equals(sig))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the API serves no envelope signed " + sig));
        String payload =
                new String(Base64.getDecoder().decode((String) envelope.get("payload")), StandardCharsets.UTF_8);
        assertThat(payload.replaceAll("\\s", ""))
                .isEqualTo(shown.selectFirst("pre.payload").text().replaceAll("\\s", ""));
    }

    @Test
    void whatCannotBeAttestedComesBack400WithTheFormAsTyped() {
        String id = countedLaureate("Leslie Valiant", "Harvard");
        ConsoleClient console = organiser();
        String page = BASE + "/signatures/" + id;

        Document notLaureate =
                html(console.submit(page, page + "/honour", Map.of("honour", "turing-award", "year", "1999")), 400);
        assertThat(notLaureate
                        .select("#form-errors[role=alert][tabindex=-1][autofocus] a[href=#f-year]")
                        .text())
                .isEqualTo("Leslie Valiant is not listed as a laureate of this honour in 1999.");
        assertThat(notLaureate.select("#f-honour option[selected]").attr("value"))
                .isEqualTo("turing-award");
        assertThat(notLaureate.select("#f-year").attr("value")).isEqualTo("1999");
        assertThat(notLaureate.select("#f-year").attr("aria-invalid")).isEqualTo("true");

        Document badYear =
                html(console.submit(page, page + "/honour", Map.of("honour", "nobel", "year", "twenty")), 400);
        assertThat(badYear.select("#form-errors a").eachText())
                .containsExactly(
                        "Choose an honour from the list.", "Give the year it was awarded, as four digits, e.g. 2018.");
        assertThat(badYear.select("#f-year").attr("value")).isEqualTo("twenty");

        Document notStated = html(console.submit(page, page + "/affiliation", Map.of("organisation", "Apple")), 400);
        assertThat(notStated.select("#form-errors a[href=#f-organisation]").text())
                .contains("only a stated affiliation can be attested");
        assertThat(notStated.select("#f-organisation option[selected]").attr("value"))
                .isEqualTo("Apple");

        Document unknown =
                html(console.submit(page, page + "/affiliation", Map.of("organisation", "Nowhere Institute")), 400);
        assertThat(unknown.select("#form-errors a").text()).isEqualTo("Choose an organisation from the list.");

        // nothing was attested by any of them
        assertThat(console.page(page, 200).select("#level").text()).isEqualTo("typed by the signer");
        assertThat(given().get("/api/signatures/" + id + "/attestations")
                        .jsonPath()
                        .getList("$"))
                .hasSize(1);

        // a form without its CSRF token is refused; an unknown signature is a 404
        console.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("organisation", "Harvard University")
                .post(page + "/affiliation")
                .then()
                .statusCode(403);
        console.get(BASE + "/signatures/not-a-signature").then().statusCode(404);
        console.get(BASE + "/signatures/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404);
    }

    @Test
    void theListPagesThroughPrivateAndPublicSignersAndRefusesAShortSearch() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(Signing.signAndConfirm(
                    mail,
                    LETTER,
                    Map.of(
                            "name",
                            "Pager Zqx " + i,
                            "email",
                            Signing.address("pager", "example.org"),
                            "listing",
                            i == 1 ? "private" : "public")));
        }
        ConsoleClient console = organiser();
        List<String> seen = new ArrayList<>();
        String next = BASE + "/signatures?q=zqx&limit=2";
        int pages = 0;
        while (next != null) {
            Document page = console.page(next, 200);
            assertThat(page.select("table.counted tbody tr").size()).isLessThanOrEqualTo(2);
            page.select("table.counted tbody tr").forEach(tr -> seen.add(tr.id().substring(2)));
            Element link = page.selectFirst("#next");
            next = link == null ? null : link.attr("href");
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(console.page(BASE + "/signatures?q=zqx", 200)
                        .select("#s-" + ids.get(1))
                        .text())
                .contains("private");

        Document tooShort = console.page(BASE + "/signatures?q=zq", 400);
        assertThat(tooShort.select("#form-errors a[href=#f-q]").text())
                .isEqualTo("Search with at least 3 letters or digits of the name.");
        assertThat(tooShort.select("#f-q").attr("value")).isEqualTo("zq");
        console.page(BASE + "/signatures?after=nope", 400);
        console.page(BASE + "/signatures?limit=many", 400);
    }

    @Test
    void onlyTheLettersOrganisersGetIn() {
        String id = countedLaureate("Judea Pearl", null);
        String page = BASE + "/signatures/" + id;
        ConsoleClient other = new ConsoleClient(
                tokens.mint("bot:attest-other", OrganiserTokens.ORGANISER, List.of("bulk-letter"), null)
                        .token());
        other.get(BASE + "/signatures").then().statusCode(403);
        other.get(page).then().statusCode(403);
        // the form's token comes from a page the other organiser may see
        Response shown = other.get("/organisers/letters/bulk-letter/invalidations");
        other.request()
                .cookie("csrf", shown.getCookie("csrf"))
                .contentType("application/x-www-form-urlencoded")
                .formParam(
                        "csrf",
                        org.jsoup.Jsoup.parse(shown.asString())
                                .select("input[name=csrf]")
                                .attr("value"))
                .formParam("honour", "turing-award")
                .formParam("year", "2011")
                .post(page + "/honour")
                .then()
                .statusCode(403);
        given().accept("text/html").get(BASE + "/signatures").then().statusCode(401);
        given().accept("text/html").get(page).then().statusCode(401);
        assertThat(given().get("/api/signatures/" + id + "/attestations")
                        .jsonPath()
                        .getList("$"))
                .hasSize(1);
    }

    private static Document html(Response response, int status) {
        return org.jsoup.Jsoup.parse(
                response.then().statusCode(status).extract().asString());
    }
}
