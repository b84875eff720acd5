-- The count audit (docs/ARCHITECTURE.md#the-count-audit): the stored counts are a cache of the log's count rule, so a
-- replay of the log's entries must give them again. The replay goes on from where it stopped (position: the entries
-- replayed so far), keeping what it needs per signer and its own totals, so it stays cheap at millions of entries.
CREATE TABLE count_audit (
    letter_id BIGINT      NOT NULL PRIMARY KEY REFERENCES letter (id),
    position  BIGINT      NOT NULL,
    audited_at TIMESTAMP WITH TIME ZONE
);

-- Per signer as the log tells it: live or not, the version, identity method and affiliation level last stated.
CREATE TABLE count_audit_signer (
    letter_id BIGINT      NOT NULL REFERENCES letter (id),
    signer    VARCHAR(64) NOT NULL,
    live      BOOLEAN     NOT NULL,
    version   INTEGER     NOT NULL,
    identity  VARCHAR(20) NOT NULL,
    level     VARCHAR(20) NOT NULL,
    PRIMARY KEY (letter_id, signer)
);

-- The replay's own totals, by dimension (total, level, identity, version) and key, as letter_count keeps them.
CREATE TABLE count_audit_total (
    letter_id BIGINT      NOT NULL REFERENCES letter (id),
    dimension VARCHAR(12) NOT NULL,
    k         VARCHAR(200) NOT NULL,
    n         BIGINT      NOT NULL,
    PRIMARY KEY (letter_id, dimension, k)
);
