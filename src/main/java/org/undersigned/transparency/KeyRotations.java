package org.undersigned.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.transparency.LogKeyRepository.LogKey;
import org.undersigned.transparency.note.KeyRotation;
import org.undersigned.transparency.note.Note;
import org.undersigned.transparency.note.NoteException;
import org.undersigned.transparency.note.SignerKey;
import org.undersigned.transparency.note.VerifierKey;
import org.undersigned.web.StartupJob;

/**
 * Which key signs each letter's log, and its rotation (docs/ARCHITECTURE.md#key-rotation). At start, every log whose
 * key is not the configured one gets a rotation statement, signed by its key (a configured previous key) and the new
 * one, appended as an entry; the sequencer records the new key when it integrates that entry, and signs that tree's
 * checkpoint and every later one with it. A start that lacks the private half of a log's key fails, naming it.
 */
@ApplicationScoped
class KeyRotations implements StartupJob {

    private static final Logger LOG = Logger.getLogger(KeyRotations.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogKeys keys;
    private final LogKeyRepository repository;
    private final HeadRepository heads;
    private final TransparencyLog log;
    private final LetterService letters;

    KeyRotations(
            LogKeys keys,
            LogKeyRepository repository,
            HeadRepository heads,
            TransparencyLog log,
            LetterService letters) {
        this.keys = keys;
        this.repository = repository;
        this.heads = heads;
        this.log = log;
        this.letters = letters;
    }

    // after the letters are read from the content folder (ContentSync)
    @Override
    public int order() {
        return Interceptor.Priority.APPLICATION + 700;
    }

    @Override
    public void runAtStart() {
        List<String> problems = new ArrayList<>();
        List<SigningTarget> all = QuarkusTransaction.requiringNew()
                .call(() -> letters.list().stream()
                        .flatMap(l -> letters.signingTarget(l.slug()).stream())
                        .toList());
        for (SigningTarget letter : all) {
            String problem = QuarkusTransaction.requiringNew().call(() -> rotate(letter.letterId(), letter.slug()));
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The log key cannot rotate: " + String.join("; ", problems)
                    + ". Give each old key's private half in UNDERSIGNED_LOG_PREVIOUS_PRIVATE_KEYS"
                    + " (undersigned.log.previous-private-keys, comma-separated) so that it can sign the rotation.");
        }
    }

    /** Appends the rotation to the configured key if the log needs one; returns what stops it, or null. */
    private String rotate(long letterId, String slug) {
        heads.lockHead(letterId); // one rotation at a time, and none while the sequencer signs
        VerifierKey current;
        try {
            current = current(chain(letterId, slug));
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        VerifierKey target = keys.verifier(slug);
        if (current.equals(target) || repository.rotationPending(letterId)) {
            return null;
        }
        Optional<SignerKey> old = keys.signerFor(slug, current);
        if (old.isEmpty()) {
            return "the log of '" + slug + "' is signed by " + current.format() + ", whose private half is not given";
        }
        String statement = new KeyRotation(current, target).sign(old.get(), keys.signer(slug));
        log.append(letterId, LogEntries.keyRotation(slug, Instant.now(), statement), null, null);
        LOG.infof("The log of %s rotates from key %s to key %s", slug, current.id(), target.id());
        return null;
    }

    /**
     * The keys of a letter's log, oldest first. The first use records the key the log began with: the one that signed
     * its latest checkpoint, or the configured key for a log without one. The caller holds the head lock.
     */
    List<LogKey> chain(long letterId, String slug) {
        List<LogKey> chain = repository.keys(letterId);
        if (!chain.isEmpty()) {
            return chain;
        }
        VerifierKey first = heads.latestCheckpoint(letterId)
                .map(c -> signerOf(slug, c.note()))
                .orElseGet(() -> keys.verifier(slug));
        LogKey key = new LogKey(1, first.format(), null, null);
        repository.insert(letterId, key);
        return List.of(key);
    }

    private VerifierKey signerOf(String slug, String checkpoint) {
        List<VerifierKey> configured =
                keys.configured(slug).stream().map(SignerKey::verifierKey).toList();
        try {
            return Note.open(checkpoint, configured).signers().get(0);
        } catch (NoteException e) {
            throw new IllegalStateException(
                    "the latest checkpoint of '" + slug + "' is signed by none of the configured log keys");
        }
    }

    /**
     * The key to sign the checkpoint of the tree that {@code batch} extends from {@code size}: the log's current key,
     * or the new one of a rotation in the batch, which is recorded here. The caller holds the head lock.
     */
    SignerKey signerAfter(long letterId, String slug, long size, List<PendingEvent> batch) {
        List<LogKey> chain = chain(letterId, slug);
        VerifierKey current = current(chain);
        int position = chain.size();
        for (int i = 0; i < batch.size(); i++) {
            String statement = batch.get(i).signatureSeq() == null
                    ? statementOf(batch.get(i).entry())
                    : null;
            if (statement != null) {
                KeyRotation rotation = KeyRotation.open(statement, current);
                repository.insert(letterId, new LogKey(++position, rotation.to().format(), statement, size + i));
                current = rotation.to();
            }
        }
        VerifierKey signing = current;
        return keys.signerFor(slug, signing)
                .orElseThrow(() ->
                        new IllegalStateException("no private half configured for the log key " + signing.format()));
    }

    /** The key that signs this log's next checkpoint, for the checkpoint of an empty log (read-only). */
    SignerKey signer(long letterId, String slug) {
        List<LogKey> chain = repository.keys(letterId);
        return chain.isEmpty()
                ? keys.signer(slug)
                : keys.signerFor(slug, current(chain)).orElseGet(() -> keys.signer(slug));
    }

    /** The rotations of a letter's log, in order: the statement and its entry's index. */
    List<LogKey> rotations(long letterId) {
        return repository.keys(letterId).stream()
                .filter(k -> k.statement() != null)
                .toList();
    }

    /** Every log's verifier keys, oldest first, by letter id; logs not yet recorded are absent. */
    Map<Long, List<String>> verifiers() {
        return repository.verifiers();
    }

    private static VerifierKey current(List<LogKey> chain) {
        return VerifierKey.parse(chain.get(chain.size() - 1).verifier());
    }

    /** The statement of a key rotation entry, or null for an entry of another type. */
    private static String statementOf(String entry) {
        try {
            JsonNode e = JSON.readTree(entry);
            return LogEntries.KEY_ROTATION.equals(e.path("type").asText())
                    ? e.path("statement").asText()
                    : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
