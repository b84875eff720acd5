package org.undersigned.transparency;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.undersigned.transparency.note.VerifierKey;

/**
 * The configured witnesses (docs/ARCHITECTURE.md#witnesses): each a cosignature/v1 verifier key and the URL prefix of
 * its C2SP tlog-witness submission API, and the quorum of them that makes a checkpoint witnessed. Read once; a
 * malformed entry stops the start with a message naming it.
 */
@ApplicationScoped
class Witnesses {

    /** One witness: its key (type 0x04) and where {@code add-checkpoint} is. */
    record Witness(VerifierKey key, URI prefix) {

        /** The witness's name and key ID, as stored with its cosignatures. */
        String id() {
            return key.name() + "+" + key.id();
        }

        URI addCheckpoint() {
            String base = prefix.toString();
            return URI.create(base + (base.endsWith("/") ? "" : "/") + "add-checkpoint");
        }
    }

    private final List<Witness> all;
    private final int quorum;

    Witnesses(LogConfig config) {
        this.all = parse(config.witnesses().orElse(List.of()));
        this.quorum = config.witnessQuorum();
        if (!all.isEmpty() && (quorum < 1 || quorum > all.size())) {
            throw new IllegalStateException("UNDERSIGNED_WITNESS_QUORUM is " + quorum + ": it must be between 1 and "
                    + "the number of witnesses configured (" + all.size() + ")");
        }
    }

    static List<Witness> parse(List<String> entries) {
        List<Witness> witnesses = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.strip().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException(
                        "UNDERSIGNED_WITNESSES: '" + entry + "' is not '<verifier key> " + "<submission prefix URL>'");
            }
            VerifierKey key;
            try {
                key = VerifierKey.parse(parts[0]);
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        "UNDERSIGNED_WITNESSES: '" + parts[0] + "' is not a verifier key: " + e.getMessage());
            }
            if (!key.cosigner()) {
                throw new IllegalStateException("UNDERSIGNED_WITNESSES: the key of '" + key.name() + "' is not a "
                        + "cosignature/v1 key (type 0x04)");
            }
            URI prefix = URI.create(parts[1]);
            if (!("https".equals(prefix.getScheme()) || "http".equals(prefix.getScheme()))
                    || prefix.getHost() == null) {
                throw new IllegalStateException("UNDERSIGNED_WITNESSES: '" + parts[1] + "' is not an http(s) URL");
            }
            Witness witness = new Witness(key, prefix);
            if (witnesses.stream().anyMatch(w -> w.id().equals(witness.id()))) {
                throw new IllegalStateException("UNDERSIGNED_WITNESSES names " + witness.id() + " twice");
            }
            witnesses.add(witness);
        }
        return List.copyOf(witnesses);
    }

    List<Witness> all() {
        return all;
    }

    int quorum() {
        return quorum;
    }

    List<String> ids() {
        return all.stream().map(Witness::id).toList();
    }
}
