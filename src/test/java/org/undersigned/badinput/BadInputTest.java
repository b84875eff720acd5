package org.undersigned.badinput;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.undersigned.support.HandlerReach;
import org.undersigned.support.MailServer;

/**
 * At least 10,000 malformed requests, from a seeded generator, across every public endpoint and form: none may get a
 * 5xx, each endpoint must have been reached by at least 100 of them (so a filter refusing everything fails), and the
 * app must be ready afterwards. A failure names the seed; {@code -Dundersigned.badinput.seed=<seed>} replays it.
 */
@QuarkusTest
@TestProfile(BadInputTest.NoRateLimits.class)
class BadInputTest {

    /** Rate limits would answer 429 long before 10,000 requests from one address have been tried. */
    public static class NoRateLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("undersigned.rate-limit.enabled", "false");
        }
    }

    static final int PER_ENDPOINT = 300;
    static final int MIN_REACHED = 100;
    static final int THREADS = 4;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @MailServer.Inject
    GreenMail mail;

    @Test
    void tenThousandMalformedRequestsReachEveryHandlerAndNoneGetsAServerError() throws Exception {
        long seed = Long.getLong("undersigned.badinput.seed", new SecureRandom().nextLong());
        System.out.println("bad-input suite: seed " + seed);
        List<Endpoint> endpoints = Endpoint.all();
        Requests generator = new Requests(seed, csrfToken());
        List<RawRequest> requests = new ArrayList<>();
        for (int round = 0; round < PER_ENDPOINT; round++) {
            for (Endpoint endpoint : endpoints) {
                requests.add(generator.next(endpoint));
            }
        }
        assertThat(requests).hasSizeGreaterThanOrEqualTo(10_000);

        HandlerReach.reset();
        long start = System.nanoTime();
        int[] status = send(requests);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Long> reached = HandlerReach.counts();

        List<String> serverErrors = new ArrayList<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (int i = 0; i < status.length; i++) {
            byStatus.merge(status[i], 1, Integer::sum);
            if (status[i] >= 500) {
                serverErrors.add(status[i] + " for " + requests.get(i).describe());
            }
        }
        String summary = "seed " + seed + " (replay with -Dundersigned.badinput.seed=" + seed + "), " + requests.size()
                + " requests in " + took.toMillis() + " ms, by status " + byStatus + ", reached " + reached;
        System.out.println("bad-input suite: " + summary);

        assertThat(serverErrors).as("server errors, %s", summary).hasSizeLessThanOrEqualTo(0);
        for (Endpoint endpoint : endpoints) {
            assertThat(reached.getOrDefault(endpoint.handler(), 0L))
                    .as("requests that reached %s, %s", endpoint.handler(), summary)
                    .isGreaterThanOrEqualTo(MIN_REACHED);
        }
        // a connection closed without an answer is not a 5xx, but many would hide one
        assertThat(byStatus.getOrDefault(0, 0))
                .as("requests answered by a closed connection, %s", summary)
                .isLessThan(requests.size() / 100);

        given().port(managementPort)
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().get("/api/letters/" + Endpoint.LETTER).then().statusCode(200);
    }

    @Test
    void aMalformedAcceptOnMailedLinkPagesIsA400NotA500() {
        for (String path : List.of(
                "/withdraw/x", "/reaffirm/x", "/confirm/x", "/disown/x", "/letters/" + Endpoint.LETTER + "/disown/x")) {
            for (String accept : List.of("foo", "text/html;q=abc", "x; /x")) {
                given().header("Accept", accept)
                        .get(path)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("detail", org.hamcrest.Matchers.containsString("Accept"));
            }
        }
    }

    @Test
    void aMalformedContentTypeIsA400AndAnUnknownCharsetA415() throws Exception {
        String path = "/api/letters/" + Endpoint.LETTER + "/signatures";
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        given().header("Content-Type", "json").body(json).post(path).then().statusCode(400);
        given().header("Content-Type", "application/json; charset=nope")
                .body(json)
                .post(path)
                .then()
                .statusCode(415);
        // RestAssured will not send a form in an unknown charset: written by hand
        RawRequest form = new RawRequest(
                "SignaturePages.sign",
                "POST",
                "/letters/" + Endpoint.LETTER + "/sign",
                List.of(Map.entry("Content-Type", "application/x-www-form-urlencoded; charset=nope")),
                "a=b".getBytes(StandardCharsets.UTF_8));
        assertThat(form.send(port)).isEqualTo(415);
    }

    @Test
    void aNulInTheAddressAndABadlyEncodedFormAre400s() throws Exception {
        // sent as written: RestAssured would encode the % itself
        given().urlEncodingEnabled(false)
                .get("/letters/" + Endpoint.LETTER + "%00/sign")
                .then()
                .statusCode(400);
        given().urlEncodingEnabled(false)
                .get("/api/letters/" + Endpoint.LETTER + "/signatories?q=a%00b")
                .then()
                .statusCode(400);
        RawRequest form = new RawRequest(
                "DisownPages.byEmail",
                "POST",
                "/letters/" + Endpoint.LETTER + "/disown/x",
                List.of(
                        Map.entry("Content-Type", "application/x-www-form-urlencoded"),
                        Map.entry("Cookie", "csrf=" + csrfToken())),
                "email=%zz".getBytes(StandardCharsets.UTF_8));
        assertThat(form.send(port)).isEqualTo(400);
    }

    /** A CSRF cookie value, as a browser gets it, so that forms are checked past their token. */
    private static String csrfToken() {
        String token = given().get("/letters/" + Endpoint.LETTER + "/sign")
                .then()
                .statusCode(200)
                .extract()
                .cookie("csrf");
        assertThat(token).isNotBlank();
        return token;
    }

    private int[] send(List<RawRequest> requests) throws Exception {
        int[] status = new int[requests.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < status.length; i = next.getAndIncrement()) {
                        try {
                            status[i] = requests.get(i).send(port);
                        } catch (java.io.IOException e) {
                            status[i] = 0; // reset or closed by the server without an answer
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return status;
    }
}
