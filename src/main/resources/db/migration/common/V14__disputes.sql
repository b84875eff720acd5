-- Issue 14: "I did not sign this" proven only by the iD behind a signature; a name match becomes a dispute that
-- organisers decide, which the signer is told of and may answer. Deleted with the signature's personal data.
CREATE TABLE dispute (
    id             UUID         NOT NULL PRIMARY KEY,
    letter_id      BIGINT       NOT NULL REFERENCES letter (id),
    signature_seq  BIGINT       NOT NULL REFERENCES signature (seq),
    claimant_orcid VARCHAR(19)  NOT NULL,
    claimant_name  VARCHAR(200),
    opened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    state          VARCHAR(9)   NOT NULL CONSTRAINT dispute_state CHECK (state IN ('OPEN', 'UPHELD', 'DISMISSED')),
    answer         VARCHAR(2000),
    answered_at    TIMESTAMP WITH TIME ZONE,
    decided_at     TIMESTAMP WITH TIME ZONE,
    decided_by     VARCHAR(200)
);
CREATE INDEX dispute_letter_state ON dispute (letter_id, state, opened_at);
CREATE INDEX dispute_claimant ON dispute (claimant_orcid, opened_at);
CREATE INDEX dispute_signature ON dispute (signature_seq);

-- The signer's answer link.
ALTER TABLE signature_token DROP CONSTRAINT signature_token_purpose;
ALTER TABLE signature_token ADD CONSTRAINT signature_token_purpose
    CHECK (purpose IN ('CONFIRM', 'WITHDRAW', 'REAFFIRM', 'ATTACH', 'ANSWER'));
