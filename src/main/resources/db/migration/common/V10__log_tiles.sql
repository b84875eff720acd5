-- Full tiles and full entry bundles (C2SP tlog-tiles), stored by the sequencer when they become full, so serving
-- one reads one row instead of 256. They never change; path is the tile's path, e.g. tile/0/x001/234.
CREATE TABLE log_tile (
    letter_id BIGINT      NOT NULL REFERENCES letter (id),
    path      VARCHAR(80) NOT NULL,
    data      BYTEA       NOT NULL,
    PRIMARY KEY (letter_id, path)
);
