-- The keys each letter's log has been signed with, in order (docs/ARCHITECTURE.md#key-rotation). Position 1 is the
-- key the log began with; every later one was introduced by a rotation statement (a signed note by the previous key
-- and the new one) that is also an entry of the log, at entry_index; checkpoints of trees holding that entry are
-- signed by the new key. Only public keys are stored here: the private halves come from configuration.
CREATE TABLE log_key (
    letter_id   BIGINT        NOT NULL REFERENCES letter (id),
    position    INTEGER       NOT NULL,
    verifier    VARCHAR(300)  NOT NULL,   -- <origin>+<hex key ID>+<base64(0x01 || public key)>
    statement   VARCHAR(4000),            -- the rotation statement (a signed note); null for position 1
    entry_index BIGINT,                   -- the statement's index in the log; null for position 1
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (letter_id, position)
);
