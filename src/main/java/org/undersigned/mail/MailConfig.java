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
    @WithDefault("1s")
    Duration poll();

    /** Messages claimed and sent per round; rounds follow each other while mail is due. */
    @WithDefault("500")
    int batch();

    /** How long one message may wait for the relay before it is taken for an outage (and tried again later). */
    @WithDefault("15s")
    Duration sendTimeout();

    /** How long a claimed round may take before its unsent messages may be claimed again (by any replica). */
    @WithDefault("5m")
    Duration lease();

    /**
     * The wait before the first retry of a message the relay refused; it doubles with each further refusal, up to 6
     * hours. While the relay cannot be reached at all, every message waits this long and no attempt is counted.
     */
    @WithDefault("30s")
    Duration retryBase();

    /** Refusals after which a message is given up (its address and bodies cleared, its tag kept for organisers). */
    @WithDefault("10")
    int maxAttempts();
}
