-- The count-rule total at each checkpoint the sequencer signs, written in the same transaction as the checkpoint,
-- so the count at an older checkpoint (the witnessed one) can be published and checked. Append-only (postgresql V21).
CREATE TABLE letter_count_at (
    letter_id BIGINT NOT NULL REFERENCES letter (id),
    size      BIGINT NOT NULL,
    total     BIGINT NOT NULL,
    PRIMARY KEY (letter_id, size)
);
