-- Passkeys (WebAuthn) for organisers and signers (docs/ARCHITECTURE.md, "Passkeys"). Binary values are base64url
-- text so that the same statements run on PostgreSQL and on the H2 of dev mode.

-- A passkey belongs to an organiser account (owner_kind 'organiser', owner its subject) or to one signature (owner_kind
-- 'signer', owner the signature's seq). credential holds the attested credential data (AAGUID, id, COSE public key).
CREATE TABLE passkey (
    credential_id  VARCHAR(1400) PRIMARY KEY,
    owner_kind     VARCHAR(10)   NOT NULL,
    owner          VARCHAR(100)  NOT NULL,
    user_handle    VARCHAR(100)  NOT NULL,
    credential     VARCHAR(8000) NOT NULL,
    sign_count     BIGINT        NOT NULL,
    uv_initialized BOOLEAN       NOT NULL,
    backup_eligible BOOLEAN      NOT NULL,
    backup_state   BOOLEAN       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX passkey_owner ON passkey (owner_kind, owner);

-- Challenges, single-use and short-lived, so that any replica can finish a ceremony another one began. Only the
-- SHA-256 of a challenge is kept; owner names whom a passkey being created will belong to.
CREATE TABLE passkey_challenge (
    challenge_hash VARCHAR(64)  PRIMARY KEY,
    ceremony       VARCHAR(12)  NOT NULL,
    owner_kind     VARCHAR(10)  NOT NULL,
    owner          VARCHAR(100),
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX passkey_challenge_expires ON passkey_challenge (expires_at);

-- Organisers and admins who sign in with a passkey. letters: slugs, comma-separated (an ORCID iD subject's letters
-- come from letter.yaml instead).
CREATE TABLE organiser_account (
    subject     VARCHAR(100)  PRIMARY KEY,
    role        VARCHAR(10)   NOT NULL,
    letters     VARCHAR(2000) NOT NULL,
    user_handle VARCHAR(100)  NOT NULL UNIQUE,
    invited_by  VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One-time invitation links (only their hash is kept), with the user handle a new account will get. The bootstrap
-- invitation, for the first admin, has bootstrap = 'x': the unique index lets only one replica create it.
CREATE TABLE organiser_invitation (
    token_hash VARCHAR(64)   PRIMARY KEY,
    user_handle VARCHAR(100) NOT NULL,
    subject    VARCHAR(100)  NOT NULL,
    role       VARCHAR(10)   NOT NULL,
    letters    VARCHAR(2000) NOT NULL,
    created_by VARCHAR(100)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    bootstrap  VARCHAR(1)    UNIQUE
);

-- A signer signed in with a passkey: a session cookie's hash and the signature it may act on.
CREATE TABLE signer_session (
    token_hash    VARCHAR(64) PRIMARY KEY,
    signature_seq BIGINT      NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX signer_session_expires ON signer_session (expires_at);
