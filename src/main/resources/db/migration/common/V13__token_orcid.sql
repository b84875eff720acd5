-- An "attach" link carries the ORCID iD it adds to an email signature (one person counted once across identities).
ALTER TABLE signature_token ADD COLUMN orcid VARCHAR(19);

-- V2's CHECK on purpose has no name (its generated name differs between PostgreSQL and H2), so the column is
-- replaced: dropping it drops its CHECK on both, and the new column gets a named one that admits ATTACH.
ALTER TABLE signature_token ADD COLUMN purpose_new VARCHAR(10);
UPDATE signature_token SET purpose_new = purpose;
ALTER TABLE signature_token DROP COLUMN purpose;
ALTER TABLE signature_token RENAME COLUMN purpose_new TO purpose;
ALTER TABLE signature_token ALTER COLUMN purpose SET NOT NULL;
ALTER TABLE signature_token ADD CONSTRAINT signature_token_purpose
    CHECK (purpose IN ('CONFIRM', 'WITHDRAW', 'REAFFIRM', 'ATTACH'));
