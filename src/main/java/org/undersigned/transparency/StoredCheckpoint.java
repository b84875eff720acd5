package org.undersigned.transparency;

/** A published checkpoint (log_checkpoint): the tree's size, its root in base64 and the signed note. */
record StoredCheckpoint(long size, String root, String note) {}
