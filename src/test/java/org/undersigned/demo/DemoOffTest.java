package org.undersigned.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.undersigned.support.FormSession;
import org.undersigned.support.Rows;

/** With the defaults (the setting off, as everywhere but dev mode): no sample signatures, no demo organiser. */
@QuarkusTest
class DemoOffTest {

    @Inject
    DemoData data;

    @Inject
    DataSource dataSource;

    /**
     * Unset, the demo letters are every published letter, so the demo on here would have written to all of them; only
     * DemoDataTest's own letter (its profile, maybe run earlier against this database) may have any.
     */
    @Test
    void noLetterGetsSampleSignatures() {
        assertThat(data.state()).isEqualTo(DemoData.State.OFF);
        assertThat(
                        Rows.count(
                                dataSource,
                                "SELECT COUNT(*) FROM signature s JOIN letter l ON l.id = s.letter_id "
                                        + "WHERE l.slug <> 'demo-letter' AND (s.email LIKE 'demo-signer-%' OR s.email LIKE 'demo-held-%')"))
                .isZero();
        assertThat(Rows.count(
                        dataSource,
                        "SELECT COUNT(*) FROM demo_letter d JOIN letter l ON l.id = d.letter_id "
                                + "WHERE l.slug <> 'demo-letter'"))
                .isZero();
    }

    @Test
    void theSignInPageOffersNoDemoOrganiserAndItsEndpointIsNotFound() {
        assertThat(Jsoup.parse(given().get("/organisers/sign-in")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .select("form[action=/organisers/demo]"))
                .isEmpty();
        String cookie = FormSession.open("/letters/sample-letter")
                .post()
                .redirects()
                .follow(false)
                .post("/organisers/demo")
                .then()
                .statusCode(404)
                .extract()
                .cookie("organiser");
        assertThat(cookie).isNull();
    }
}
