package org.undersigned.signatures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.undersigned.transparency.TransparencyLog;

/**
 * Counts follow the log: each entry carries the count change it causes (written when the entry is), and the change is
 * applied when the sequencer integrates the entry, in the same transaction as the new checkpoint. So a count is always
 * exactly the count of a checkpoint, and follows the count rule of the log (docs/ARCHITECTURE.md#the-log).
 */
@ApplicationScoped
class LogEffects {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code dimension} with {@code from}/{@code to}: the live signer moves between two keys of it. */
    record Effect(int delta, Map<String, String> keys, String dimension, String from, String to) {}

    private final Counts counts;
    private final Milestones milestones;

    LogEffects(Counts counts, Milestones milestones) {
        this.counts = counts;
        this.milestones = milestones;
    }

    /**
     * The signer becomes live (+1) or not live (-1) under everything the signature is counted by. Identity, level and
     * version are what the public log's entries say anyway; the organisation is counted for public signers only, so a
     * private signer adds nothing to the aggregates beyond the log (docs/ARCHITECTURE.md#signing).
     */
    static String liveness(Signature s, int delta) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("identity", s.identityMethod.wire());
        keys.put("level", s.affiliationLevel.wire());
        keys.put("version", String.valueOf(s.versionNumber));
        if (s.organisation != null && s.isPublic()) {
            keys.put(Counts.LISTED_ORGANISATION, s.organisation);
        }
        return write(new Effect(delta, keys, null, null, null));
    }

    /** A live signer moves to another version. */
    static String move(int from, int to) {
        return write(new Effect(0, Map.of(), "version", String.valueOf(from), String.valueOf(to)));
    }

    /** A live signer's affiliation is proven more strongly (an organiser's attestation). */
    static String level(String from, String to) {
        return write(new Effect(0, Map.of(), "level", from, to));
    }

    void onSequenced(@Observes TransparencyLog.EntriesSequenced sequenced) {
        Counts.Changes changes = new Counts.Changes();
        for (TransparencyLog.Sequenced entry : sequenced.entries()) {
            if (entry.effect() != null) {
                Effect e = read(entry.effect());
                if (e.delta() != 0) {
                    changes.live(e.keys(), e.delta());
                }
                if (e.dimension() != null) {
                    changes.move(e.dimension(), e.from(), e.to());
                }
            }
        }
        long total = counts.apply(sequenced.letterId(), changes, sequenced.size(), sequenced.rootHash());
        milestones.counted(sequenced.letterId(), total, sequenced.size(), sequenced.rootHash());
    }

    private static String write(Effect effect) {
        try {
            return JSON.writeValueAsString(effect);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Effect read(String json) {
        try {
            return JSON.readValue(json, Effect.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable log effect", e);
        }
    }
}
