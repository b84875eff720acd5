package org.undersigned.signatures;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** The keys under {@code undersigned.signatures} (README: configuration). */
@ConfigMapping(prefix = "undersigned.signatures")
interface SignaturesConfig {

    /** How long a confirmation link works. */
    Duration confirmTtl();

    /** A sign-up never confirmed is deleted this long after it was made and after its last link was sent. */
    Duration unconfirmedRetention();

    /** Secret for the log's pseudonymous signer ids (base64, at least 32 bytes); generated and stored if unset. */
    Optional<String> pepper();

    Intake intake();

    /** The group commit of first sign-ups. */
    interface Intake {

        /** Writer threads per replica; 0 stores each sign-up in its own transaction. */
        int writers();

        /** Sign-ups per transaction at most. */
        int batch();
    }
}
