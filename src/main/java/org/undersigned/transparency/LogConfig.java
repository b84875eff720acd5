package org.undersigned.transparency;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.undersigned.web.PrivateKeyConfig;

/** The keys under {@code undersigned.log}: the log's signing key, its caches and its sequencer. */
@ConfigMapping(prefix = "undersigned.log")
interface LogConfig extends PrivateKeyConfig {

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
}
