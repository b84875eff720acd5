package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.undersigned.letters.SigningTarget;

/**
 * Disputes (docs/ARCHITECTURE.md#signing): "I did not sign this" from an ORCID record that shows the listed name but
 * is not the iD behind the signature. A name is not proof, so nothing ends: organisers decide, the signer is told by
 * mail (where an address is known) and may answer, and each step is in the audit trail.
 */
@ApplicationScoped
class Disputes {

    /** Disputes one iD may open in a day: a namesake may dispute one signature, not flood organisers. */
    static final int PER_DAY = 5;

    static final int ANSWER_MAX = 2000;
    private static final Duration ANSWER_LIFETIME = Duration.ofDays(30);

    /** What the signer's answer link shows. */
    record AnswerView(Tokens.State state, String letterSlug, String letterTitle, String name, List<String> claimants) {

        public boolean valid() {
            return state == Tokens.State.VALID;
        }
    }

    private final Clock clock;
    private final DisputeRepository disputes;
    private final SignatureRepository signatures;
    private final SignableLetters letters;
    private final Tokens tokens;
    private final LinkMails linkMails;
    private final Event<SignatureEvent> events;

    Disputes(
            Clock clock,
            DisputeRepository disputes,
            SignatureRepository signatures,
            SignableLetters letters,
            Tokens tokens,
            LinkMails linkMails,
            Event<SignatureEvent> events) {
        this.clock = clock;
        this.disputes = disputes;
        this.signatures = signatures;
        this.letters = letters;
        this.tokens = tokens;
        this.linkMails = linkMails;
        this.events = events;
    }

    /** Opens a dispute on a counted signature, once per claimant; 429 past the claimant's daily allowance. */
    void open(Signature s, SigningTarget letter, String orcid, String name) {
        if (disputes.open(s.seq, orcid).isPresent()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (disputes.openedSince(orcid, now.minusDays(1)) >= PER_DAY) {
            throw new ClientErrorException(
                    "Too many disputes from this ORCID iD today; write to the letter's organisers.", 429);
        }
        Dispute d = new Dispute();
        d.id = UUID.randomUUID();
        d.letterId = s.letterId;
        d.signatureSeq = s.seq;
        d.claimantOrcid = orcid;
        d.claimantName = name;
        d.openedAt = now;
        d.state = Dispute.State.OPEN;
        disputes.persist(d);
        if (s.email != null) {
            linkMails.dispute(s, letter, name, tokens.issue(s, SignatureToken.Purpose.ANSWER, null, ANSWER_LIFETIME));
        }
        events.fire(new SignatureEvent(
                "dispute-opened", letter.slug(), s.id.toString(), "orcid:" + orcid, "claimed by " + name));
    }

    @Transactional
    AnswerView inspect(String token) {
        Tokens.Found found = tokens.find(token, SignatureToken.Purpose.ANSWER);
        if (found.token() == null) {
            return new AnswerView(found.state(), null, null, null, List.of());
        }
        Signature s = signatures.findById(found.token().signatureSeq);
        List<Dispute> open = disputes.openOn(s.seq);
        Tokens.State state = found.state() == Tokens.State.VALID && open.isEmpty() ? Tokens.State.USED : found.state();
        SigningTarget letter = letters.of(s).orElseThrow();
        return new AnswerView(
                state,
                letter.slug(),
                letter.title(),
                s.name,
                open.stream().map(d -> d.claimantName).toList());
    }

    /** The signer's answer, kept with every open dispute on the signature for organisers to read; once. */
    @Transactional
    AnswerView answer(String token, String text) {
        String answer = text == null ? "" : text.strip();
        if (answer.isEmpty() || answer.length() > ANSWER_MAX) {
            throw new InvalidForm(Map.of("answer", FieldProblem.ANSWER));
        }
        AnswerView view = inspect(token);
        if (!view.valid()) {
            return view;
        }
        SignatureToken t = tokens.find(token, SignatureToken.Purpose.ANSWER).token();
        if (!tokens.claim(t)) {
            return inspect(token);
        }
        Signature s = signatures.findById(t.signatureSeq);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Dispute d : disputes.openOn(s.seq)) {
            d.answer = answer;
            d.answeredAt = now;
        }
        events.fire(new SignatureEvent("dispute-answered", view.letterSlug(), s.id.toString(), "signer", null));
        return view;
    }
}
