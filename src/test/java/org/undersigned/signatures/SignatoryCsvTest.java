package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.undersigned.support.Counted;
import org.undersigned.support.FormSession;
import org.undersigned.support.MailServer;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Signing;
import org.undersigned.support.TestClock;
import org.undersigned.transparency.TransparencyLog;

/** The signatory CSV comes from a copy rebuilt at most once a minute, and an erasure outdates the copy at once. */
@QuarkusTest
class SignatoryCsvTest {

    static final String LETTER = "sample-letter";

    @MailServer.Inject
    GreenMail mail;

    @Inject
    TransparencyLog log;

    @Inject
    TestClock clock;

    @Inject
    MeterRegistry metrics;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void requestsWithinAMinuteShareOneCopyAndAChangeShowsAfterTheMinute() {
        sign("Walter Warmup " + Long.toHexString(System.nanoTime()));
        Counted.settle(log);
        Instant start = later();
        clock.set(start);
        String before = csv(); // rebuilt now: the letter changed since any copy
        double builds = builds();
        String name = "Carla Copytest " + Long.toHexString(System.nanoTime());
        sign(name);
        Counted.settle(log);
        clock.set(start.plusSeconds(59));
        assertThat(csv()).isEqualTo(before).doesNotContain(name);
        assertThat(builds()).isEqualTo(builds);

        clock.set(start.plusSeconds(61));
        assertThat(csv()).contains("\"" + name + "\"");
        assertThat(builds()).isEqualTo(builds + 1);
        csv();
        assertThat(builds()).isEqualTo(builds + 1);
    }

    @Test
    void aCopyOlderThanAMinuteIsKeptWhileNothingChanged() {
        Instant start = later();
        clock.set(start);
        Counted.settle(log);
        String before = csv();
        double builds = builds();
        clock.set(start.plus(Duration.ofMinutes(5)));
        assertThat(csv()).isEqualTo(before);
        assertThat(builds()).isEqualTo(builds);
    }

    @Test
    void anErasedNameLeavesTheCsvAtOnce() {
        String name = "Erwin Erasecopy " + Long.toHexString(System.nanoTime());
        String email = sign(name);
        Counted.settle(log);
        // the clock stands still from here: only the erasure can make the copy out of date
        clock.set(later());
        assertThat(csv()).contains("\"" + name + "\"");
        String withdraw = Mailbox.link(Mailbox.await(mail, email, 2), "/withdraw/");
        FormSession.open(withdraw)
                .post()
                .formParam("erase", "yes")
                .post(withdraw)
                .then()
                .statusCode(200)
                .body(containsString("have been erased"));
        assertThat(csv()).doesNotContain(name);
    }

    @Test
    void theCopyIsSentCompressedToClientsThatTakeGzipAndPlainToOthers() throws IOException {
        RestAssuredConfig raw =
                RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        io.restassured.response.Response plain = given().config(raw)
                .header("Accept-Encoding", "identity")
                .get("/letters/" + LETTER + "/signatories.csv");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.asString()).startsWith(SignatoryCsv.HEADER);

        io.restassured.response.Response gzipped = given().config(raw)
                .header("Accept-Encoding", "br;q=1, gzip;q=0.5")
                .get("/letters/" + LETTER + "/signatories.csv");
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.header("Vary")).containsIgnoringCase("Accept-Encoding");
        byte[] body = gzipped.asByteArray();
        assertThat(gzipped.header("Content-Length")).isEqualTo(String.valueOf(body.length));
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.asString());
        }
    }

    @Test
    void onlyAnAcceptEncodingThatTakesGzipGetsIt() {
        assertThat(SignaturePages.acceptsGzip("gzip, deflate")).isTrue();
        assertThat(SignaturePages.acceptsGzip("br, GZIP;q=0.1")).isTrue();
        assertThat(SignaturePages.acceptsGzip("x-gzip")).isTrue();
        assertThat(SignaturePages.acceptsGzip(null)).isFalse();
        assertThat(SignaturePages.acceptsGzip("identity")).isFalse();
        assertThat(SignaturePages.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(SignaturePages.acceptsGzip("gzip;q=zero")).isFalse();
        assertThat(SignaturePages.acceptsGzip(";;,,;q=")).isFalse();
        assertThat(SignaturePages.acceptsGzip("gzip," + "x".repeat(2000))).isFalse();
    }

    @Test
    void theCsvDefusesFormulasAndQuotesCells() {
        assertThat(SignatoryCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SignatoryCsv.cell("Ada, Lovelace")).isEqualTo("\"Ada, Lovelace\"");
        assertThat(SignatoryCsv.cell(null)).isEmpty();
    }

    private String sign(String name) {
        String email = Signing.address("csv", "example.org");
        Signing.signAndConfirm(mail, LETTER, Map.of("name", name, "email", email, "listing", "public"));
        return email;
    }

    private static String csv() {
        return given().get("/letters/" + LETTER + "/signatories.csv")
                .then()
                .statusCode(200)
                .header("Content-Type", containsString("text/csv"))
                .extract()
                .asString();
    }

    private double builds() {
        return metrics.counter("undersigned.signatories.csv.builds").count();
    }

    private static Instant last = Instant.EPOCH;

    /**
     * An hour after the last instant this gave: a copy built at any earlier one (or minutes after it) is older than
     * a minute here. Mailed links (valid for 48 hours) still work.
     */
    static synchronized Instant later() {
        Instant now = Instant.now();
        last = (now.isAfter(last) ? now : last).plus(Duration.ofHours(1));
        return last;
    }
}
