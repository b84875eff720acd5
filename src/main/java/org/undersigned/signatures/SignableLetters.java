package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.LocalNotFound;

/** The letter a signing request is about: published (or 404), and open (or 409) when it is to be signed. */
@ApplicationScoped
public class SignableLetters {

    private final LetterService letters;

    SignableLetters(LetterService letters) {
        this.letters = letters;
    }

    /** A published letter (open or closed), or 404. */
    public SigningTarget letter(String slug) {
        return letters.signingTarget(slug).orElseThrow(() -> new LocalNotFound(m -> m.noLetter(slug)));
    }

    /** The letter to sign, or 404/409 with a message a person can act on. */
    public SigningTarget openLetter(String slug) {
        SigningTarget target = letter(slug);
        String closed = target.closedReason(LocalDate.now(ZoneOffset.UTC));
        if (closed != null) {
            throw new ClientErrorException(closed, 409);
        }
        return target;
    }

    /**
     * The letter to sign if it is known open without asking the database (see {@link LetterService#freshSigningTarget});
     * empty when it is not, or is closed, or unknown: then {@link #openLetter} says which.
     */
    Optional<SigningTarget> freshOpenLetter(String slug) {
        return letters.freshSigningTarget(slug).filter(SignableLetters::isOpen);
    }

    /** The letter to sign if it is open, read from the database if need be; empty otherwise. */
    Optional<SigningTarget> ifOpen(String slug) {
        return letters.signingTarget(slug).filter(SignableLetters::isOpen);
    }

    private static boolean isOpen(SigningTarget target) {
        return target.closedReason(LocalDate.now(ZoneOffset.UTC)) == null;
    }

    /** The letter a stored signature belongs to. */
    Optional<SigningTarget> of(Signature s) {
        return letters.signingTarget(s.letterId);
    }

    /** A letter by its database id (press subscriptions name it so). */
    Optional<SigningTarget> of(long letterId) {
        return letters.signingTarget(letterId);
    }

    /** A published version's text hash, for moving a signature to that version. */
    Optional<String> textSha256(String slug, int version) {
        return letters.version(slug, version).map(v -> v.textSha256());
    }
}
