-- Every organiser and admin token minted (by sign-in or by an admin), so that the console can list the tokens in
-- force and revoke them (docs/ARCHITECTURE.md, "Organisers"). The token itself is never stored: only its id.
CREATE TABLE organiser_token (
    token_id   VARCHAR(64)  PRIMARY KEY,
    subject    VARCHAR(100) NOT NULL,
    role       VARCHAR(10)  NOT NULL,
    letters    VARCHAR(2000) NOT NULL,   -- the slugs it covers, comma-separated
    minted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX organiser_token_expires ON organiser_token (expires_at);
