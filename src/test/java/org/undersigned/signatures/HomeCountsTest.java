package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Counted;
import org.undersigned.support.MailServer;
import org.undersigned.support.Signing;
import org.undersigned.transparency.TransparencyLog;

/**
 * The home page shows each letter's verified count and when it was last signed, and both follow a confirmation as soon
 * as the log counts it.
 */
@QuarkusTest
class HomeCountsTest {

    static final String LETTER = "home-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Test
    void theHomePageShowsALettersCountAndLastSignatureAndFollowsAConfirmation() {
        long before = Counted.total(LETTER, log);
        String line = homeLine();
        assertThat(line)
                .isEqualTo(
                        before == 0
                                ? "No verified signatures yet"
                                : before + " verified signature" + (before == 1 ? "" : "s")
                                        + " · last signed less than a minute ago");

        Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of("name", "Hugo Homepage", "email", Signing.address("hugo", "example.org"), "listing", "public"));
        Signing.signAndConfirm(
                mail,
                LETTER,
                Map.of("name", "Hana Homepage", "email", Signing.address("hana", "example.org"), "listing", "private"));
        long after = Counted.total(LETTER, log);

        assertThat(after).isEqualTo(before + 2);
        assertThat(homeLine()).isEqualTo(after + " verified signatures · last signed less than a minute ago");
    }

    @Test
    void howLongAgoIsSaidInTheLargestWholeUnit() {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        assertThat(HomeCounts.since(null, now)).isNull();
        assertThat(HomeCounts.since(now.minusSeconds(59), now).unit()).isEqualTo("now");
        assertThat(HomeCounts.since(now.minusSeconds(60), now))
                .extracting("unit", "n")
                .containsExactly("minutes", 1L);
        assertThat(HomeCounts.since(now.minusSeconds(3599), now))
                .extracting("unit", "n")
                .containsExactly("minutes", 59L);
        assertThat(HomeCounts.since(now.minusSeconds(7200), now))
                .extracting("unit", "n")
                .containsExactly("hours", 2L);
        assertThat(HomeCounts.since(now.minusSeconds(86400 * 3), now))
                .extracting("unit", "n")
                .containsExactly("days", 3L);
        assertThat(HomeCounts.since(now.minusSeconds(86400 * 40), now).unit()).isEqualTo("date");
    }

    private static String homeLine() {
        Element article = Jsoup.parse(
                        given().get("/").then().statusCode(200).extract().asString())
                .selectFirst("article:has(a[href=/letters/" + LETTER + "])");
        assertThat(article).isNotNull();
        return article.selectFirst("p.counted").text();
    }
}
