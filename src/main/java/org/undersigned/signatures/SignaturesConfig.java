package org.undersigned.signatures;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The keys under {@code undersigned.signatures} (README: configuration). */
@ConfigMapping(prefix = "undersigned.signatures")
interface SignaturesConfig {

    /** How long a confirmation link works. */
    Duration confirmTtl();

    /** A sign-up never confirmed is deleted this long after it was made and after its last link was sent. */
    Duration unconfirmedRetention();

    /** Secret for the log's pseudonymous signer ids (base64, at least 32 bytes): a value or a file holding it. */
    Optional<String> pepper();

    Optional<Path> pepperFile();

    Intake intake();

    Csv csv();

    Snapshots snapshots();

    Signals signals();

    /** The organisers' fraud signals (FraudSignals): bursts against each signal's own usual rate. */
    interface Signals {

        /** How often new sign-ups and confirmations are folded into the per-window counts. */
        @WithDefault("30s")
        Duration foldEvery();

        /** How far back the dashboard looks; also the span a signal's usual rate is measured over. */
        @WithDefault("24h")
        Duration lookback();

        /** A window's count from one network or domain is a burst from this many on. */
        @WithDefault("20")
        int minBurst();

        /** Near-identical names in one window are a signal from this many on. */
        @WithDefault("5")
        int minNames();

        /** ... and when the count is at least this many times the signal's usual count per window. */
        @WithDefault("5")
        int factor();
    }

    /** The signatory list's CSV copies (SignatoryCsv). */
    interface Csv {

        /** A copy older than this is rebuilt, if the letter's counts moved since; an erasure outdates it at once. */
        @WithDefault("1m")
        Duration refresh();

        /** Where this replica keeps its copies (a folder of its own is made under it); the system's temp folder. */
        Optional<Path> dir();
    }

    /** The signed snapshots of the public signatories (SignatorySnapshots). */
    interface Snapshots {

        /** A changing letter's snapshot is rebuilt at most this often; an erasure purges it at once. */
        @WithDefault("10m")
        Duration every();

        /** How often each replica looks for a snapshot due ("off" in tests, which build their own). */
        @WithDefault("1m")
        String checkEvery();

        /** Bytes of gzip-compressed data per stored part (each part is read in one query). */
        @WithDefault("1048576")
        int partBytes();
    }

    /** The group commit of first sign-ups. */
    interface Intake {

        /** Writer threads per replica; 0 stores each sign-up in its own transaction. */
        int writers();

        /** Sign-ups per transaction at most. */
        int batch();
    }
}
