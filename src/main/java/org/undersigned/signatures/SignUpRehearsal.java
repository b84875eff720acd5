package org.undersigned.signatures;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.ClientNetwork;
import org.undersigned.web.Languages;
import org.undersigned.web.Rehearsal;
import org.undersigned.web.TooManyRequests;

/**
 * The sign-up's own work, rehearsed during the warm-up for an open letter (if there is one): SignRoute's reading and
 * checking of the body, the row, the confirmation mail and token, the receipt; and the statements of the limits (every
 * other one) and of the writer (in batches), each in a transaction that is rolled back, so nothing is stored or spent.
 */
@ApplicationScoped
class SignUpRehearsal implements Rehearsal {

    /** Sign-ups per rehearsed batch: about what the writers commit at a time under load. */
    private static final int BATCH = 8;

    private final LetterService letterService;
    private final SignableLetters letters;
    private final SignUps signUps;
    private final Languages languages;
    private final ObjectMapper json;
    private final SigningGuard guard;
    private final SignIntake intake;
    private final TransactionManager transactions;

    SignUpRehearsal(
            LetterService letterService,
            SignableLetters letters,
            SignUps signUps,
            Languages languages,
            ObjectMapper json,
            SigningGuard guard,
            SignIntake intake,
            TransactionManager transactions) {
        this.transactions = transactions;
        this.guard = guard;
        this.intake = intake;
        this.letterService = letterService;
        this.letters = letters;
        this.signUps = signUps;
        this.languages = languages;
        this.json = json;
    }

    /** Work done in a transaction that is always rolled back. */
    private interface Work {
        void run() throws Exception;
    }

    private void rolledBack(Work work) throws Exception {
        transactions.begin();
        try {
            work.run();
        } finally {
            transactions.rollback();
        }
    }

    /** The limits' statement; a refusal (the shared domain's bucket spent by real sign-ups) is part of it. */
    private void limits(SignRequest request, String network) {
        try {
            guard.limitSignUp(request, new ClientNetwork.Networks(network, Optional.empty()));
        } catch (TooManyRequests refused) {
            // nothing was spent, and the rehearsal goes on
        }
    }

    @Override
    public void rehearse(int times, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        Optional<SigningTarget> open = QuarkusTransaction.requiringNew()
                .call(() -> letterService.list().stream()
                        .map(l -> letters.ifOpen(l.slug()))
                        .flatMap(Optional::stream)
                        .findFirst());
        if (open.isEmpty()) {
            return;
        }
        List<Locale> spoken = languages.supported();
        List<SignUps.First> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < times && System.nanoTime() < end; i++) {
            byte[] body = ("{\"name\":\"Rehearsal Signer " + i + "\",\"email\":\"rehearsal-" + i
                            + "@example.org\",\"organisation\":\"University of Rehearsals\",\"role\":\"Professor\","
                            + "\"listing\":\"" + (i % 3 == 0 ? "private" : "public") + "\",\"notify\":true}")
                    .getBytes(StandardCharsets.UTF_8);
            SignRequest request = json.readValue(body, SignRequest.class);
            if (!request.problems().isEmpty()) {
                throw new IllegalStateException("the rehearsal's sign-up is not valid: " + request.problems());
            }
            String network = "192.0.2." + (i % 250);
            if (i % 2 == 0) {
                rolledBack(() -> limits(request, network));
            }
            SignUps.First first = signUps.prepare(
                    open.get(), request, network, spoken.get(i % spoken.size()).toLanguageTag());
            json.writeValueAsBytes(first.receipt());
            batch.add(first);
            if (batch.size() == BATCH) {
                rolledBack(() -> intake.rehearse(batch));
                batch.clear();
            }
        }
    }
}
