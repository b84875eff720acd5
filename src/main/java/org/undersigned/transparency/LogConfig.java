package org.undersigned.transparency;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.undersigned.web.PrivateKeyConfig;

/** The keys under {@code undersigned.log}: the log's signing key, its caches, its sequencer and its witnesses. */
@ConfigMapping(prefix = "undersigned.log")
interface LogConfig extends PrivateKeyConfig {

    /**
     * Earlier log keys ({@code UNDERSIGNED_LOG_PREVIOUS_PRIVATE_KEYS}, comma-separated base64 seeds): logs still
     * signed by one of them rotate to the configured key at start, the statement signed by both.
     */
    Optional<List<String>> previousPrivateKeys();

    /** Memory per replica for recently served full tiles and entry bundles. */
    @WithDefault("64M")
    MemorySize tileCache();

    /** How long a replica serves its cached latest checkpoint before reading it again. */
    @WithDefault("500ms")
    Duration headCache();

    /** How often the sequencer looks for events written by other replicas. */
    @WithDefault("100ms")
    Duration sequencerPeriod();

    /** The sequencer lag, in seconds, above which the service reports itself not ready. */
    @WithDefault("30")
    double maxLag();

    /**
     * Witnesses asked to cosign each checkpoint ({@code UNDERSIGNED_WITNESSES}): each {@code <verifier key>
     * <submission prefix URL>}, comma-separated; read by {@link Witnesses}.
     */
    Optional<List<String>> witnesses();

    /** Cosignatures from distinct configured witnesses that make a checkpoint witnessed. */
    @WithDefault("1")
    int witnessQuorum();
}
