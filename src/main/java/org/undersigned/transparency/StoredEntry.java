package org.undersigned.transparency;

/** A sequenced entry (log_entry): its index in the letter's log, its text and the signature it is about, if any. */
record StoredEntry(long index, String entry, Long signatureSeq) {}
