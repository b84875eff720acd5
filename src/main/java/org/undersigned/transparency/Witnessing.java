package org.undersigned.transparency;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.transparency.merkle.Proofs;
import org.undersigned.transparency.note.Note;
import org.undersigned.transparency.note.NoteSignature;

/**
 * Asks the configured witnesses to cosign each letter's latest checkpoint (C2SP tlog-witness, docs/ARCHITECTURE.md
 * #witnesses), at most once a second per letter, and keeps the cosignatures that verify. Signing never waits for a
 * witness: an outage only holds back the witnessed checkpoint. A witness that refuses our history (422, or a size
 * this log never published or has not reached) raises a fork alarm, which is never retried in a loop.
 */
@ApplicationScoped
public class Witnessing {

    private static final Logger LOG = Logger.getLogger(Witnessing.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY_UNREACHABLE = Duration.ofSeconds(10);
    private static final Duration RETRY_REFUSED = Duration.ofSeconds(60);
    private static final int MAX_RESENDS = 3;

    /** Where one witness stands with one letter's log, as this replica last heard. */
    public record Standing(String slug, String witness, long size, State state, String detail, Instant retryAt) {}

    public enum State {
        /** Cosigned up to {@code size}. */
        COSIGNED,
        /** No answer: tried again later. */
        UNREACHABLE,
        /** 404: the witness does not know this log yet (it picks new letters up from the keys file). */
        UNKNOWN_LOG,
        /** 403, or an answer without a cosignature that verifies. */
        REFUSED,
        /** The witness holds a history this log does not extend: never retried until restart. */
        FORK
    }

    private final Witnesses witnesses;
    private final LetterService letters;
    private final HeadRepository heads;
    private final CosignatureRepository cosignatures;
    private final HeadCache cache;
    private final HttpClient http;
    private final Map<String, Standing> standings = new ConcurrentHashMap<>();

    Witnessing(
            Witnesses witnesses,
            LetterService letters,
            HeadRepository heads,
            CosignatureRepository cosignatures,
            HeadCache cache,
            MeterRegistry registry) {
        this.witnesses = witnesses;
        this.letters = letters;
        this.heads = heads;
        this.cosignatures = cosignatures;
        this.cache = cache;
        this.http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
        registry.gauge(
                "undersigned.witness.alarms",
                standings,
                s -> s.values().stream().filter(st -> st.state() == State.FORK).count());
    }

    /** What this replica knows of every witness and log, for readiness. */
    public List<Standing> standings() {
        return List.copyOf(standings.values());
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "witnessing")
    void submitDue() {
        if (witnesses.all().isEmpty()) {
            return;
        }
        for (var summary : letters.list()) {
            Optional<SigningTarget> letter = letters.signingTarget(summary.slug());
            Optional<StoredCheckpoint> latest = letter.flatMap(
                    l -> QuarkusTransaction.requiringNew().call(() -> heads.latestCheckpoint(l.letterId())));
            if (latest.isEmpty()) {
                continue;
            }
            // one witness's slowness must not hold back another's
            CompletableFuture.allOf(witnesses.all().stream()
                            .map(w -> CompletableFuture.runAsync(() -> submit(letter.get(), latest.get(), w)))
                            .toArray(CompletableFuture[]::new))
                    .join();
        }
    }

    private void submit(SigningTarget letter, StoredCheckpoint latest, Witnesses.Witness witness) {
        String key = letter.letterId() + " " + witness.id();
        Standing now = standings.get(key);
        if (now != null
                && (now.state() == State.FORK
                        || (now.state() == State.COSIGNED && now.size() >= latest.size())
                        || Instant.now().isBefore(now.retryAt()))) {
            return;
        }
        long old = now == null ? 0 : Math.min(now.size(), latest.size());
        for (int tries = 0; tries < MAX_RESENDS; tries++) {
            Standing next = offer(letter, latest, witness, old);
            standings.put(key, next);
            if (next.state() != State.COSIGNED || next.size() == latest.size() || next.size() > latest.size()) {
                return;
            }
            old = next.size(); // tlog-witness §add-checkpoint 409: the witness is at a size of ours: resend from it
        }
    }

    /** One add-checkpoint call and what its answer says. */
    private Standing offer(SigningTarget letter, StoredCheckpoint latest, Witnesses.Witness witness, long old) {
        String slug = letter.slug();
        HttpResponse<String> answer;
        try {
            answer = http.send(
                    HttpRequest.newBuilder(witness.addCheckpoint())
                            .timeout(CALL_TIMEOUT)
                            .header("Content-Type", "text/plain; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(request(letter.letterId(), latest, old)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return unreachable(slug, witness, old, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(slug, witness, old, "interrupted");
        }
        return switch (answer.statusCode()) {
            case 200 -> cosigned(letter, latest, witness, old, answer.body());
            // tlog-witness §add-checkpoint: "409 Conflict ... the response body MUST be the latest size"
            case 409 -> conflict(letter, latest, witness, answer);
            // tlog-witness: 422 when the consistency proof does not verify: the witness holds another history
            case 422 ->
                fork(
                        slug,
                        witness,
                        old,
                        "the witness refused the consistency proof from " + old + " to " + latest.size() + " (422)");
            case 404 ->
                new Standing(
                        slug,
                        witness.id(),
                        old,
                        State.UNKNOWN_LOG,
                        "the witness does not know this log " + "yet (404)",
                        Instant.now().plus(RETRY_UNREACHABLE));
            case 403 -> refused(slug, witness, old, "the witness refused the log's signature (403)");
            default -> unreachable(slug, witness, old, "HTTP " + answer.statusCode());
        };
    }

    /** tlog-witness §add-checkpoint: "old <size>", the consistency proof lines, a blank line, the checkpoint. */
    private String request(long letterId, StoredCheckpoint latest, long old) {
        StringBuilder body = new StringBuilder("old ").append(old).append('\n');
        if (old > 0 && old < latest.size()) {
            for (byte[] hash : Proofs.consistencyProof(old, latest.size(), cache.reader(letterId))) {
                body.append(Base64.getEncoder().encodeToString(hash)).append('\n');
            }
        }
        return body.append('\n').append(latest.note()).toString();
    }

    private Standing cosigned(
            SigningTarget letter, StoredCheckpoint latest, Witnesses.Witness witness, long old, String body) {
        byte[] text = Note.parse(latest.note()).text().getBytes(StandardCharsets.UTF_8);
        for (String line : body.split("\n")) {
            NoteSignature signature;
            try {
                signature = NoteSignature.parse(line);
            } catch (RuntimeException e) {
                continue;
            }
            if (signature.name().equals(witness.key().name())
                    && signature.keyId().equals(witness.key().id())
                    && witness.key().verifies(text, signature.signature())) {
                QuarkusTransaction.requiringNew()
                        .run(() -> cosignatures.insert(
                                letter.letterId(), latest.size(), witness.id(), signature.format()));
                return new Standing(letter.slug(), witness.id(), latest.size(), State.COSIGNED, null, Instant.now());
            }
        }
        return refused(letter.slug(), witness, old, "the answer held no cosignature by the configured key");
    }

    private Standing conflict(
            SigningTarget letter, StoredCheckpoint latest, Witnesses.Witness witness, HttpResponse<String> answer) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String size = answer.body().strip();
        if (!type.startsWith("text/x.tlog.size") || !size.matches("0|[1-9][0-9]{0,18}")) {
            return unreachable(letter.slug(), witness, 0, "a 409 without a size");
        }
        long theirs = Long.parseLong(size);
        if (theirs == 0) {
            return new Standing(letter.slug(), witness.id(), 0, State.COSIGNED, null, Instant.now());
        }
        Optional<StoredCheckpoint> ours =
                QuarkusTransaction.requiringNew().call(() -> cosignatures.checkpoint(letter.letterId(), theirs));
        if (ours.isEmpty()) {
            return fork(
                    letter.slug(),
                    witness,
                    theirs,
                    "the witness is at size " + theirs + ", which this log never " + "published"
                            + (theirs > latest.size() ? " (larger than its latest, " + latest.size() + ")" : ""));
        }
        // a size of ours: another replica got there first, or we are behind; next round goes on from it
        return new Standing(letter.slug(), witness.id(), theirs, State.COSIGNED, null, Instant.now());
    }

    private Standing fork(String slug, Witnesses.Witness witness, long size, String detail) {
        // no personal data: the letter's slug, the witness's key name and sizes
        LOG.errorf(
                "FORK ALARM for the log of %s: %s (witness %s). Not retried until restart.",
                slug, detail, witness.id());
        return new Standing(slug, witness.id(), size, State.FORK, detail, Instant.MAX);
    }

    private Standing refused(String slug, Witnesses.Witness witness, long size, String detail) {
        LOG.warnf("Witness %s and the log of %s: %s", witness.id(), slug, detail);
        return new Standing(
                slug, witness.id(), size, State.REFUSED, detail, Instant.now().plus(RETRY_REFUSED));
    }

    private Standing unreachable(String slug, Witnesses.Witness witness, long size, String detail) {
        return new Standing(
                slug,
                witness.id(),
                size,
                State.UNREACHABLE,
                detail,
                Instant.now().plus(RETRY_UNREACHABLE));
    }
}
