package org.undersigned.signatures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.undersigned.organisers.OrganiserTokens;
import org.undersigned.support.Mailbox;
import org.undersigned.support.Superuser;

/**
 * Fraud signals from the folded counts: a burst seeded among normal traffic is found by network, domain and
 * near-identical names, with an invalidation preview that matches it; normal traffic alone (steady, with one large
 * domain and common names) flags nothing.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FraudSignalsTest {

    static final String BURST_NETWORK = "b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0";
    static final int BURST = 60;
    static final List<String> COMMON_NAMES = List.of("Maria Garcia", "Wei Zhang", "John Smith", "Anna Müller");

    @Inject
    SignupWindows windows;

    @Inject
    FraudSignals signals;

    @Inject
    OrganiserTokens tokens;

    OffsetDateTime burstAt;

    @BeforeAll
    void seed() throws Exception {
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        burstAt = SignupWindows.windowOf(now.minusMinutes(40)).plusMinutes(2);
        try (Connection c = Superuser.connect()) {
            // six hours of history written at once, as if it had happened: one transaction, so the scheduled fold
            // sees all of it or none, and the confirmation mark set back to before it, since the fold reads
            // confirmations by time and these are dated in the past (the other letters' recent confirmations are
            // folded twice, which no assertion here reads)
            c.setAutoCommit(false);
            normalTraffic(c, "quiet-letter", now, 1);
            normalTraffic(c, "signals-letter", now, 2);
            long letter = letterId(c, "signals-letter");
            for (int i = 0; i < BURST; i++) {
                // one network, one domain, one made-up name with a number: what a script signing in bulk looks like
                insert(
                        c,
                        letter,
                        burstAt.plusSeconds(i),
                        BURST_NETWORK,
                        "anna" + i + "@burst.example",
                        "Anna Test " + i);
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE signup_signal_mark SET confirmed_at = ?")) {
                s.setTimestamp(1, Timestamp.from(now.minusHours(7).toInstant()));
                s.executeUpdate();
            }
            c.commit();
        }
        // the fold stops at the first sign-up not yet settled: another test's, made just before, is settled by then
        Mailbox.sleep(SignupWindows.SETTLE.toMillis() + 1000);
        windows.fold();
    }

    @Test
    void normalTrafficAloneFlagsNothing() {
        assertThat(signals.of("quiet-letter")).isEmpty();
        // the timeline shows every window of the traffic, sign-ups and confirmations
        List<FraudSignals.Window> timeline = signals.timeline("quiet-letter");
        assertThat(timeline).hasSizeGreaterThanOrEqualTo(36);
        assertThat(timeline.stream().mapToInt(FraudSignals.Window::signups).sum())
                .isEqualTo(36 * 60);
        assertThat(timeline.stream()
                        .mapToInt(FraudSignals.Window::confirmations)
                        .sum())
                .isEqualTo(36 * 60);
    }

    @Test
    void aBurstAmongNormalTrafficIsFoundByNetworkDomainAndNames() {
        List<FraudSignals.Signal> found = signals.of("signals-letter");
        OffsetDateTime window = SignupWindows.windowOf(burstAt);
        assertThat(found)
                .extracting(s -> s.kind() + " " + s.dimension() + " " + s.count())
                .containsExactlyInAnyOrder(
                        "SIGNUPS network " + BURST,
                        "CONFIRMATIONS network " + BURST,
                        "SIGNUPS domain " + BURST,
                        "CONFIRMATIONS domain " + BURST,
                        "SIGNUPS name " + BURST,
                        "CONFIRMATIONS name " + BURST);
        assertThat(found).allSatisfy(s -> assertThat(s.start()).isEqualTo(window));
        FraudSignals.Signal names = found.stream()
                .filter(s -> s.dimension().equals("name") && s.kind() == FraudSignals.Kind.SIGNUPS)
                .findFirst()
                .orElseThrow();
        assertThat(names.names()).hasSize(5).allMatch(n -> n.startsWith("Anna Test "));
        assertThat(found)
                .filteredOn(s -> s.dimension().equals("domain"))
                .extracting(FraudSignals.Signal::value)
                .containsOnly("burst.example");
    }

    @Test
    void eachSignalsPreviewMatchesTheBurstInADryRun() {
        String token = tokens.mint("signals-organiser", OrganiserTokens.ADMIN, List.of(), null)
                .token();
        for (FraudSignals.Signal s : signals.of("signals-letter")) {
            FraudSignals.Preview p = s.preview();
            Map<String, Object> body = new java.util.HashMap<>(Map.of("reason", "fraud", "dryRun", true));
            if (p.domain() != null) body.put("domain", p.domain());
            if (p.networkTag() != null) body.put("networkTag", p.networkTag());
            if (p.nameTag() != null) body.put("nameTag", p.nameTag());
            body.put("from", p.from().toString());
            if (p.to() != null) body.put("to", p.to().toString());
            given().auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(body)
                    .post("/api/letters/signals-letter/invalidations")
                    .then()
                    .statusCode(200)
                    .body("matched", equalTo(BURST))
                    .body("invalidated", equalTo(0))
                    .body("sample", hasItem("Anna Test 0"));
        }
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("reason", "fraud", "dryRun", true, "nameTag", "not a tag"))
                .post("/api/letters/signals-letter/invalidations")
                .then()
                .statusCode(400)
                .body("errors.nameTag", equalTo("Give the tag as the fraud signals show it: 32 hexadecimal digits."));
    }

    /**
     * Six hours of steady sign-ups, 60 per 10-minute window, each confirmed a minute later: distinct networks, a
     * third from one large mail provider, the rest spread over 40 universities, a few very common names.
     */
    private static void normalTraffic(Connection c, String slug, OffsetDateTime now, long seed) throws Exception {
        long letter = letterId(c, slug);
        Random random = new Random(seed);
        OffsetDateTime start = SignupWindows.windowOf(now.minus(Duration.ofHours(6)));
        for (int w = 0; w < 36; w++) {
            for (int i = 0; i < 60; i++) {
                OffsetDateTime at = start.plusMinutes(10L * w).plusSeconds(i * 9L);
                String network = HexFormat.of().toHexDigits(random.nextLong())
                        + HexFormat.of().toHexDigits(random.nextLong());
                String domain = i % 3 == 0 ? "gmail.com" : "uni" + random.nextInt(40) + ".example.edu";
                String name = i % 15 == 0
                        ? COMMON_NAMES.get(random.nextInt(COMMON_NAMES.size()))
                        : "Person " + word(random) + " " + word(random);
                insert(c, letter, at, network, "p" + w + "-" + i + "@" + domain, name);
            }
        }
    }

    /** A made-up word of six letters: distinct people have distinct names. */
    private static String word(Random random) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    private static void insert(Connection c, long letter, OffsetDateTime at, String network, String email, String name)
            throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO signature (id, letter_id, status, email, name, "
                + "name_folded, listing, notify, identity_method, affiliation_level, version_number, text_sha256, "
                + "created_at, confirmed_at, network_tag) VALUES (?, ?, 'CONFIRMED', ?, ?, ?, 'public', false, 'email', "
                + "'none', 1, ?, ?, ?, ?)")) {
            s.setObject(1, UUID.randomUUID());
            s.setLong(2, letter);
            s.setString(3, email);
            s.setString(4, name);
            s.setString(5, SignRequest.fold(name));
            s.setString(6, "0".repeat(64));
            s.setTimestamp(7, Timestamp.from(at.toInstant()));
            s.setTimestamp(8, Timestamp.from(at.plusSeconds(30).toInstant()));
            s.setString(9, network);
            s.executeUpdate();
        }
    }

    private static long letterId(Connection c, String slug) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM letter WHERE slug = ?")) {
            s.setString(1, slug);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
