package org.undersigned.organisers;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.undersigned.letters.ContentSync;

/** Organiser tokens carry an id and can be revoked; the letters a token names are checked against letter.yaml. */
@QuarkusTest
class TokenRevocationTest {

    static final String LETTER = "sample-letter";
    static final String QUEUE = "/api/letters/" + LETTER + "/moderation";

    @Inject
    OrganiserTokens tokens;

    @Inject
    ContentSync content;

    @Test
    void anAdminRevokesEveryTokenOfASubjectAndLaterOnesWork() throws InterruptedException {
        String admin = admin("admin-revoker");
        String first = organiser("bot:revoke-all");
        String second = organiser("bot:revoke-all");
        String other = organiser("bot:keep");
        given().auth().oauth2(first).get(QUEUE).then().statusCode(200);

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "bot:revoke-all"))
                .post("/api/admin/revocations")
                .then()
                .statusCode(200)
                .body("subject", equalTo("bot:revoke-all"))
                .body("issuedUntil", notNullValue())
                .body("tokenId", nullValue());
        for (String revoked : List.of(first, second)) {
            given().auth().oauth2(revoked).get(QUEUE).then().statusCode(401);
            given().cookie("organiser", revoked).get("/organisers").then().statusCode(401);
        }
        given().auth().oauth2(other).get(QUEUE).then().statusCode(200);
        // token times have whole seconds: one minted in the next second is not covered
        Thread.sleep(1100);
        given().auth().oauth2(organiser("bot:revoke-all")).get(QUEUE).then().statusCode(200);

        given().auth()
                .oauth2(admin)
                .get("/api/admin/audit?limit=50")
                .then()
                .body(
                        "find { it.action == 'revoke-tokens' && it.target == 'bot:revoke-all' }.actor",
                        equalTo("admin-revoker"));
    }

    @Test
    void anAdminRevokesOneTokenByItsId() {
        String admin = admin("admin-one");
        OrganiserTokens.Minted minted = tokens.mint("bot:revoke-one", OrganiserTokens.ORGANISER, List.of(LETTER), null);
        String kept = organiser("bot:revoke-one");
        assertThat(minted.tokenId()).isNotBlank();
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "bot:revoke-one", "tokenId", minted.tokenId()))
                .post("/api/admin/revocations")
                .then()
                .statusCode(200)
                .body("tokenId", equalTo(minted.tokenId()));
        given().auth().oauth2(minted.token()).get(QUEUE).then().statusCode(401);
        given().auth().oauth2(kept).get(QUEUE).then().statusCode(200);
        given().auth()
                .oauth2(admin)
                .get("/api/admin/audit?limit=50")
                .then()
                .body("find { it.action == 'revoke-token' }.detail", containsString(minted.tokenId()));
    }

    @Test
    void aMintedTokenSaysItsIdAndOnlyAdminsRevokeWithAClearAnswerToBadInput() {
        String admin = admin("admin-checks");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "bot:minted", "letters", List.of(LETTER)))
                .post("/api/admin/tokens")
                .then()
                .statusCode(200)
                .body("tokenId", notNullValue());
        given().auth()
                .oauth2(organiser("bot:not-admin"))
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "bot:revoke-all"))
                .post("/api/admin/revocations")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("subject", "bot:revoke-all"))
                .post("/api/admin/revocations")
                .then()
                .statusCode(401);
        for (Object body : List.of(Map.of(), Map.of("subject", "not a subject!"), Map.of("subject", "x".repeat(101)))) {
            given().auth()
                    .oauth2(admin)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/admin/revocations")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.subject", notNullValue());
        }
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "bot:x", "tokenId", "<script>"))
                .post("/api/admin/revocations")
                .then()
                .statusCode(400)
                .body("errors.tokenId", notNullValue());
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"subject\": [1, 2]")
                .post("/api/admin/revocations")
                .then()
                .statusCode(400);
    }

    @Test
    void aLetterThatNoLongerListsTheOrganiserIsRefusedToTheirToken() throws Exception {
        String letter = "bulk-letter";
        Path yaml = Path.of("target/test-content/letters", letter, "letter.yaml");
        String original = Files.readString(yaml);
        try {
            Files.writeString(
                    yaml, original + "organisers:\n  - name: Josiah Carberry\n    orcid: 0000-0002-1825-0097\n");
            content.sync();
            String token = tokens.mint("0000-0002-1825-0097", OrganiserTokens.ORGANISER, List.of(LETTER, letter), null)
                    .token();
            given().auth()
                    .oauth2(token)
                    .get("/api/letters/" + letter + "/moderation")
                    .then()
                    .statusCode(200);

            Files.writeString(yaml, original);
            content.sync();
            given().auth()
                    .oauth2(token)
                    .get("/api/letters/" + letter + "/moderation")
                    .then()
                    .statusCode(403)
                    .body("detail", containsString("no longer an organiser"));
            // the token still works for the letters that list the iD
            given().auth().oauth2(token).get(QUEUE).then().statusCode(200);
            // and a token for an iD that a letter never listed gets nothing there either
            String stranger = tokens.mint("0000-0001-5109-3700", OrganiserTokens.ORGANISER, List.of(LETTER), null)
                    .token();
            given().auth().oauth2(stranger).get(QUEUE).then().statusCode(403);
        } finally {
            Files.writeString(yaml, original);
            content.sync();
        }
    }

    private String organiser(String subject) {
        return tokens.mint(subject, OrganiserTokens.ORGANISER, List.of(LETTER), null)
                .token();
    }

    private String admin(String subject) {
        return tokens.mint(subject, OrganiserTokens.ADMIN, List.of(), null).token();
    }
}
