package org.undersigned.transparency;

import java.time.Instant;

/** An event written in its change's transaction, waiting for the sequencer to give it an index (log_pending). */
record PendingEvent(long id, String entry, Long signatureSeq, String effect, Instant createdAt) {}
