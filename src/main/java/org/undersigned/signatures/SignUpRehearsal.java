package org.undersigned.signatures;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.Languages;
import org.undersigned.web.Rehearsal;

/**
 * The sign-up's own work, rehearsed during the warm-up for an open letter (if there is one): SignRoute's reading and
 * checking of the body, the row, the confirmation mail and token, the receipt. Not the limits or the writer, which
 * would store something.
 */
@ApplicationScoped
class SignUpRehearsal implements Rehearsal {

    private final LetterService letterService;
    private final SignableLetters letters;
    private final SignUps signUps;
    private final Languages languages;
    private final ObjectMapper json;

    SignUpRehearsal(
            LetterService letterService,
            SignableLetters letters,
            SignUps signUps,
            Languages languages,
            ObjectMapper json) {
        this.letterService = letterService;
        this.letters = letters;
        this.signUps = signUps;
        this.languages = languages;
        this.json = json;
    }

    @Override
    public void rehearse(int times) throws Exception {
        Optional<SigningTarget> open = QuarkusTransaction.requiringNew()
                .call(() -> letterService.list().stream()
                        .map(l -> letters.ifOpen(l.slug()))
                        .flatMap(Optional::stream)
                        .findFirst());
        if (open.isEmpty()) {
            return;
        }
        List<Locale> spoken = languages.supported();
        for (int i = 0; i < times; i++) {
            byte[] body = ("{\"name\":\"Rehearsal Signer " + i + "\",\"email\":\"rehearsal-" + i
                            + "@example.org\",\"organisation\":\"University of Rehearsals\",\"role\":\"Professor\","
                            + "\"listing\":\"" + (i % 3 == 0 ? "private" : "public") + "\",\"notify\":true}")
                    .getBytes(StandardCharsets.UTF_8);
            SignRequest request = json.readValue(body, SignRequest.class);
            if (!request.problems().isEmpty() || !SignRoute.isJson("application/json")) {
                throw new IllegalStateException("the rehearsal's sign-up is not valid: " + request.problems());
            }
            SignUps.First first = signUps.prepare(
                    open.get(),
                    request,
                    "192.0.2." + (i % 250),
                    spoken.get(i % spoken.size()).toLanguageTag());
            json.writeValueAsBytes(first.receipt());
        }
    }
}
