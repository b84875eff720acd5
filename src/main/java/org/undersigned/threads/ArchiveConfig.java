package org.undersigned.threads;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The keys under {@code undersigned.archive}: how the service fetches the pages thread entries cite. */
@ConfigMapping(prefix = "undersigned.archive")
interface ArchiveConfig {

    /** The largest copy taken; a larger page is refused. */
    @WithDefault("10M")
    MemorySize maxSize();

    /** How long one archiving may take, redirects included. */
    @WithDefault("20s")
    Duration timeout();

    /** Loopback addresses are refused unless this is set, which only the tests do (their pages are local). */
    @WithDefault("false")
    boolean allowLoopback();
}
