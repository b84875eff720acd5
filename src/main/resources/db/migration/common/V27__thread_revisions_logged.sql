-- Thread revisions and retractions go into the letter's log (docs/ARCHITECTURE.md#letters-and-threads):
-- revision_sha256 is the SHA-256 of the revision's canonical form (threads.ThreadRevisions), logged tells whether its
-- thread-revision entry was written, retraction_logged the same for a retraction. Rows from before are logged once
-- at start-up.
ALTER TABLE thread_entry ADD COLUMN revision_sha256 VARCHAR(64);
ALTER TABLE thread_entry ADD COLUMN logged BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE thread_entry ADD COLUMN retraction_logged BOOLEAN DEFAULT FALSE NOT NULL;
