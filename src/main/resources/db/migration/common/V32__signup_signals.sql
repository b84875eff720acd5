-- Sign-ups and confirmations per letter, 10-minute window and signal: the client network's keyed tag, the email
-- domain, the keyed tag of a name's skeleton, and 'all' (the window's total). Folded in from the signature table by
-- a scheduled task (signatures.SignupWindows) so that the organisers' fraud signals read these counts and never the
-- signatures themselves (docs/ARCHITECTURE.md#organisers).
CREATE TABLE signup_signal (
    letter_id     BIGINT       NOT NULL REFERENCES letter (id),
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    dimension     VARCHAR(8)   NOT NULL CHECK (dimension IN ('all', 'network', 'domain', 'name')),
    signal_value  VARCHAR(64)  NOT NULL,
    signups       INTEGER      NOT NULL,
    confirmations INTEGER      NOT NULL,
    PRIMARY KEY (letter_id, window_start, dimension, signal_value)
);

-- How far the fold has read: sign-ups by sequence number, confirmations by time (one row).
CREATE TABLE signup_signal_mark (
    id           INTEGER PRIMARY KEY,
    signature_seq BIGINT NOT NULL,
    confirmed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO signup_signal_mark (id, signature_seq, confirmed_at) VALUES (1, 0, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');

CREATE INDEX signature_confirmed_at ON signature (confirmed_at);
