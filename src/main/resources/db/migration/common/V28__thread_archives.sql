-- Copies of the pages thread entries cite (company responses), fetched by the service when an organiser asks
-- (docs/ARCHITECTURE.md#letters-and-threads): the bytes as received, their SHA-256, type and when they were taken.
-- A copy is never changed: the same page fetched again with other bytes is another row.
CREATE TABLE thread_archive (
    letter_id    BIGINT        NOT NULL REFERENCES letter (id),
    sha256       VARCHAR(64)   NOT NULL,
    source_url   VARCHAR(2000) NOT NULL,   -- the address the organiser gave
    final_url    VARCHAR(2000) NOT NULL,   -- the address answered from, after redirects
    content_type VARCHAR(200)  NOT NULL,
    size         BIGINT        NOT NULL,
    body         BYTEA         NOT NULL,
    retrieved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    archived_by  VARCHAR(200),
    PRIMARY KEY (letter_id, sha256)
);
