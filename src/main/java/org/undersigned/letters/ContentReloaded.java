package org.undersigned.letters;

/** The content folder was loaded again while running (see {@link ContentWatch}); what else it holds may follow. */
public record ContentReloaded(ContentSync.Report report) {}
