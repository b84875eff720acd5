-- Sample signatures for dev mode (undersigned.demo.enabled, refused in the packaged application): one row per letter
-- given them, claimed by the replica that writes them (the primary key lets exactly one replica claim a letter, so two
-- starting at once never both write) and finished once they are all written. A letter with a row is never given more.
CREATE TABLE demo_letter (
    letter_id   BIGINT NOT NULL PRIMARY KEY REFERENCES letter (id),
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    signatures  INTEGER
);
