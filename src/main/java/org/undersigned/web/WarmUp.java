package org.undersigned.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The self-warm-up (docs/ARCHITECTURE.md#start-up): for a configured time after the start-up jobs, before readiness,
 * the service asks itself on loopback for the pages and answers that readers ask for most, so the JIT has compiled
 * their paths before the first reader arrives (a cold replica served under half its steady rate in its first 30 s).
 * Nothing is signed, nothing is written: the sign-ups it sends are for a letter that cannot exist (a slug no letter
 * may have), which the API refuses before spending anything, and the rest of a sign-up is rehearsed in process
 * ({@link Rehearsal}). Which letters: those {@code /api/letters} lists.
 * The client is Vert.x's, on the server's own event loops: the JDK's client cost more than the pages it asked for.
 */
final class WarmUp {

    private static final Logger LOG = Logger.getLogger(WarmUp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A sign-up as the API takes it, for the slug "-", which no letter can have (a slug starts with a letter or a
     * digit): the body is read and checked as any sign-up's, then refused with 404 before any limit is spent.
     */
    static final String SIGN_UP = "POST /api/letters/-/signatures";

    private static final String SIGN_UP_BODY =
            "{\"name\":\"Warm-up\",\"email\":\"warm-up@example.org\",\"listing\":\"private\"}";

    /**
     * Paths asked for, {slug} once per published letter: what readers and journalists ask for, in about the mix they
     * do. The letter page (rendered once a second for everyone, so it costs little) and the home page are by far the
     * most asked for; the API answers that read the database come once a round each.
     */
    static final List<String> PATHS = Collections.unmodifiableList(Stream.of(
                    Collections.nCopies(12, "/letters/{slug}"),
                    Collections.nCopies(4, "/"),
                    Collections.nCopies(2, "/api/letters/{slug}/count"),
                    Collections.nCopies(2, SIGN_UP),
                    List.of(
                            "/api/letters",
                            "/api/letters/{slug}",
                            "/api/letters/{slug}/signatories?limit=50",
                            "/api/letters/{slug}/signatories?q=smith&limit=50",
                            "/log/{slug}/checkpoint"))
            .flatMap(List::stream)
            .toList());
    /** Requests in flight: enough to keep both cores of a small replica busy, as real traffic would. */
    private static final int CONCURRENCY = 16;

    private final Vertx vertx;
    private final String host;
    private final int port;
    private final Duration duration;
    private final long requests;
    private final AtomicLong asked = new AtomicLong();

    WarmUp(Vertx vertx, String host, int port, Duration duration, long requests) {
        this.vertx = vertx;
        this.host = host;
        this.port = port;
        this.duration = duration;
        this.requests = requests;
    }

    /**
     * Asks for the paths round and round until so many requests were made (what the JIT needs is a number of calls,
     * however busy the machine is) or the time is up; returns how many answers came. Never throws.
     */
    long run() {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(host)
                .setDefaultPort(port)
                .setKeepAlive(true)
                .setMaxPoolSize(CONCURRENCY));
        try {
            List<String> targets = targets(client);
            long end = System.nanoTime() + duration.toNanos();
            AtomicLong answered = new AtomicLong();
            CountDownLatch done = new CountDownLatch(CONCURRENCY);
            for (int i = 0; i < CONCURRENCY; i++) {
                loop(client, targets, i, end, answered, done);
            }
            if (!done.await(duration.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
                LOG.warn("Warm-up: requests still unanswered when its time was up");
            }
            return answered.get();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Warm-up skipped: %s", e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            client.close();
        }
    }

    /** One request after another until the time is up, then counts itself done. */
    private void loop(
            HttpClient client, List<String> targets, int n, long end, AtomicLong answered, CountDownLatch done) {
        if (System.nanoTime() >= end || asked.incrementAndGet() > requests) {
            done.countDown();
            return;
        }
        get(client, targets.get(n % targets.size())).onComplete(r -> {
            if (r.failed()) {
                // the service does not answer itself (a port it does not listen on?): this round ends, no retry loop
                LOG.debugf("Warm-up request failed: %s", r.cause().toString());
                done.countDown();
                return;
            }
            answered.incrementAndGet();
            loop(client, targets, n + CONCURRENCY, end, answered, done);
        });
    }

    private static Future<String> get(HttpClient client, String path) {
        boolean post = path.startsWith("POST ");
        RequestOptions options = new RequestOptions()
                .setMethod(post ? HttpMethod.POST : HttpMethod.GET)
                .setURI(post ? path.substring("POST ".length()) : path)
                .putHeader("Accept", post ? "application/json" : "text/html,application/json;q=0.9")
                .setIdleTimeout(10_000);
        if (post) {
            options.putHeader("Content-Type", "application/json");
        }
        return client.request(options)
                .compose(request ->
                        (post ? request.send(SIGN_UP_BODY) : request.send()).compose(response -> response.body()))
                .map(Object::toString);
    }

    private List<String> targets(HttpClient client) throws IOException, InterruptedException {
        String body;
        try {
            body = get(client, "/api/letters")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("the letters could not be listed", e);
        }
        List<String> slugs = new ArrayList<>();
        for (JsonNode letter : JSON.readTree(body)) {
            slugs.add(letter.path("slug").asText());
        }
        List<String> targets = new ArrayList<>();
        for (String path : PATHS) {
            if (!path.contains("{slug}")) {
                targets.add(path);
            }
            for (String slug : slugs) {
                if (path.contains("{slug}")) {
                    targets.add(path.replace("{slug}", slug));
                }
            }
        }
        return targets;
    }
}
