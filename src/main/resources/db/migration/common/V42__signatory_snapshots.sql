-- Signed snapshots of a letter's public signatories (docs/ARCHITECTURE.md#snapshots): the public signers live at one
-- checkpoint of the log, as JSON Lines and CSV, gzip-compressed in parts so any replica streams them without holding
-- one in memory. One row per letter: claimed by the replica that builds (claimed_until), the current snapshot's
-- checkpoint and generation; size is NULL while there is none (never built, or purged by an erasure).
CREATE TABLE signatory_snapshot (
    letter_id     BIGINT NOT NULL PRIMARY KEY REFERENCES letter (id),
    generation    BIGINT,
    size          BIGINT,
    root          VARCHAR(44),
    note          VARCHAR,
    names         BIGINT,
    built_at      TIMESTAMP WITH TIME ZONE,
    claimed_until TIMESTAMP WITH TIME ZONE
);

-- The parts of a snapshot's files, in order; deleted with it (an erasure deletes them in its own transaction).
CREATE TABLE signatory_snapshot_part (
    letter_id  BIGINT     NOT NULL REFERENCES letter (id),
    generation BIGINT     NOT NULL,
    format     VARCHAR(5) NOT NULL,
    n          INTEGER    NOT NULL,
    data       BYTEA      NOT NULL,
    PRIMARY KEY (letter_id, generation, format, n)
);
