-- Witness cosignatures of the log's checkpoints (C2SP tlog-witness, tlog-cosignature): each line exactly as the
-- witness returned it, checked against the witness's configured key before it is stored. Append-only like the log.
CREATE TABLE log_cosignature (
    letter_id  BIGINT        NOT NULL REFERENCES letter (id),
    size       BIGINT        NOT NULL,
    witness    VARCHAR(300)  NOT NULL,   -- <key name>+<hex key ID>
    line       VARCHAR(1000) NOT NULL,   -- "— <key name> <base64(key ID || timestamp || signature)>"
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (letter_id, size, witness)
);
