package org.undersigned.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.LetterViews.LetterDetail;
import org.undersigned.letters.LetterViews.VersionInfo;
import org.undersigned.letters.SigningTarget;
import org.undersigned.signatures.SignatureDecisions;
import org.undersigned.signatures.SyntheticSigners;
import org.undersigned.verification.Honours;
import org.undersigned.verification.Organisations;
import org.undersigned.verification.Organisations.Organisation;

/**
 * One letter's sample signers, through the paths a person's signature takes: the sign-up, the confirmation link, the
 * impersonation guard, the withdrawal and re-affirmation links, an organiser's attestation (the subject
 * {@value DemoOrganiser#SUBJECT}). Nothing is inserted behind those paths, so the log, the counts and the console show
 * what they would for real signers.
 */
@ApplicationScoped
class DemoLetter {

    /** Watched names signed for: enough to fill the moderation queue a little. */
    static final int IMPERSONATIONS = 3;

    /** Signers at work at once. */
    static final int CROWD = 4;

    private final SyntheticSigners signers;
    private final SignatureDecisions decisions;
    private final LetterService letters;
    private final Organisations organisations;
    private final Honours honours;

    DemoLetter(
            SyntheticSigners signers,
            SignatureDecisions decisions,
            LetterService letters,
            Organisations organisations,
            Honours honours) {
        this.signers = signers;
        this.decisions = decisions;
        this.letters = letters;
        this.organisations = organisations;
        this.honours = honours;
    }

    /** Writes {@code count} sample signers and the impersonations; returns how many sign-ups were made. */
    int write(SigningTarget letter, int count) {
        Optional<SigningTarget> older = olderVersion(letter);
        List<Organisation> withDomains = organisations.all().stream()
                .filter(o -> o.domains() != null && !o.domains().isEmpty())
                .toList();
        // a few signers at a time, so their sign-ups share the group commit's transactions as a crowd's would
        ExecutorService crowd = Executors.newFixedThreadPool(CROWD);
        List<Future<Boolean>> signed = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                DemoPlan.Signer signer = DemoPlan.signer(i, withDomains, older.isPresent());
                SigningTarget version = signer.olderVersion() ? older.orElseThrow() : letter;
                String network = DemoPlan.network(i);
                signed.add(crowd.submit(() -> sign(letter, version, signer, network)));
            }
            int made = 0;
            for (Future<Boolean> one : signed) {
                made += one.get() ? 1 : 0;
            }
            List<String> impersonated = impersonations();
            for (int k = 0; k < impersonated.size(); k++) {
                signers.confirm(
                        signers.sign(letter, DemoPlan.impersonation(k, impersonated.get(k)), DemoPlan.network(k)));
            }
            return made + impersonated.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo data interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("demo data: a sample signer failed", e.getCause());
        } finally {
            crowd.shutdownNow();
        }
    }

    /** One sample signer from sign-up to what they do after confirming; false when skipped. */
    private boolean sign(SigningTarget letter, SigningTarget version, DemoPlan.Signer signer, String network) {
        if (honours.watched(signer.request().name(), null).isPresent()) {
            return false; // a made-up name that happens to pass for a watched one: only the impersonations are held
        }
        String id = signers.sign(version, signer.request(), network);
        signers.confirm(id);
        if (signer.attest() != null) {
            Organisation o = signer.attest();
            decisions.attestAffiliation(
                    letter.slug(),
                    id,
                    o.ror(),
                    o.ror() == null
                            ? Map.of("attestedOrganisation", o.name())
                            : Map.of("attestedOrganisation", o.name(), "ror", o.ror()),
                    DemoOrganiser.SUBJECT);
        }
        if (signer.reaffirms()) {
            signers.reaffirm(id, letter.version());
        }
        if (signer.withdraws()) {
            signers.withdraw(id);
        }
        return true;
    }

    /**
     * When the letter's current version asks earlier signers to re-affirm (it does not carry signatures), the version
     * before it, as a signing target: some sample signers signed that one, before the change.
     */
    private Optional<SigningTarget> olderVersion(SigningTarget letter) {
        return QuarkusTransaction.requiringNew()
                .call(() -> letters.find(letter.slug())
                        .filter(d -> d.versions().size() > 1 && !d.latest().carriesSignatures())
                        .map(LetterDetail::versions)
                        .map(all -> all.get(all.size() - 2))
                        .map((VersionInfo v) -> new SigningTarget(
                                letter.letterId(),
                                letter.slug(),
                                letter.title(),
                                letter.status(),
                                letter.opens(),
                                letter.closes(),
                                v.number(),
                                v.textSha256())));
    }

    /**
     * Names written the way an impersonator might (the given name's initial, the family name) for the first watched
     * people, each checked against the guard; empty when nobody is watched.
     */
    private List<String> impersonations() {
        List<String> names = new ArrayList<>();
        honours.all().stream()
                .flatMap(h -> h.laureates().stream())
                .map(l -> {
                    String[] words = l.name().split(" ");
                    return words.length < 2 ? l.name() : words[0].charAt(0) + ". " + words[words.length - 1];
                })
                .filter(name -> honours.watched(name, null).isPresent())
                .distinct()
                .limit(IMPERSONATIONS)
                .forEach(names::add);
        return names;
    }
}
