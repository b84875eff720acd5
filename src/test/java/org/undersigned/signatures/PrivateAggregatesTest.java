package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Counted;
import org.undersigned.support.MailServer;
import org.undersigned.support.Signing;
import org.undersigned.transparency.TransparencyLog;

/**
 * Public aggregates carry nothing from a private signature but its +1 in the totals, and free-text organisations named
 * by fewer than five public signers are counted together as "other" (README "Counts").
 */
@QuarkusTest
class PrivateAggregatesTest {

    static final String LETTER = "aggregate-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Inject
    ListedOrganisations listed;

    @Inject
    EntityManager em;

    @Test
    void privateSignersAndRareFreeTextStayOutOfTheOrganisationCounts() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String secretLab = "Tiny Private Lab " + u;
        String freeText = "Free Collective " + u;
        long total = Counted.total(LETTER, log);
        Map<String, Integer> before = byOrganisation();

        sign("Pia Private", secretLab, "private");
        sign("Gus Known", "Google Research", "public"); // a known organisation, by its alias
        for (int i = 1; i <= 4; i++) {
            sign("Fay Free" + i, freeText, "public");
        }
        assertThat(Counted.total(LETTER, log)).isEqualTo(total + 6); // every signer counts
        Map<String, Integer> after = byOrganisation();
        assertThat(after).doesNotContainKeys(secretLab, freeText);
        assertThat(after.toString()).doesNotContain(u);
        assertThat(after.get("Google")).isEqualTo(before.getOrDefault("Google", 0) + 1); // known: shown from one
        assertThat(after.get("other")).isEqualTo(before.getOrDefault("other", 0) + 4);

        sign("Fay Free5", freeText, "public"); // the fifth public signer names it
        Map<String, Integer> five = byOrganisation();
        assertThat(five.get(freeText)).isEqualTo(5);
        assertThat(five.getOrDefault("other", 0)).isEqualTo(before.getOrDefault("other", 0));
        assertThat(five).doesNotContainKey(secretLab);

        // a database whose counts were kept before: the one-off task fills them from the signatures, the same way
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM letter_count WHERE dimension = 'listed-org'")
                    .executeUpdate();
            em.createNativeQuery("DELETE FROM app_lock WHERE name = 'task:listed-organisations'")
                    .executeUpdate();
        });
        assertThat(byOrganisation()).doesNotContainKey(freeText);
        listed.runAtStart();
        assertThat(byOrganisation()).isEqualTo(five);
        listed.runAtStart(); // done once: a second start changes nothing
        assertThat(byOrganisation()).isEqualTo(five);
    }

    private void sign(String name, String organisation, String listing) {
        Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of(
                        "name",
                        name,
                        "email",
                        Signing.address("agg", "example.org"),
                        "organisation",
                        organisation,
                        "listing",
                        listing));
    }

    private Map<String, Integer> byOrganisation() {
        Counted.settle(log);
        return given().get("/api/letters/" + LETTER + "/count")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("byOrganisation", String.class, Integer.class);
    }
}
