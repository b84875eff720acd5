package org.undersigned.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The keys under {@code undersigned.mail}. */
@ConfigMapping(prefix = "undersigned.mail")
interface MailConfig {

    /**
     * How often the outbox is polled. Read by the {@code @Scheduled} expressions {@code ${undersigned.mail.poll:2s}}
     * (here and in features that queue mail in batches); declared here so that it is a known key.
     */
    @WithDefault("2s")
    Duration poll();

    /** The wait before the first retry of a failed message; it doubles with each further attempt, up to 6 hours. */
    @WithDefault("30s")
    Duration retryBase();

    /** Attempts after which a message is given up (and its addresses and bodies cleared). */
    @WithDefault("10")
    int maxAttempts();
}
