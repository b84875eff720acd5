-- A signer's rows (a signer who withdrew and signed again has two): a snapshot takes each signer's latest logged one.
-- Partial: a sign-up (no signer id until confirmed) does not maintain it.
CREATE INDEX signature_signer ON signature (letter_id, signer_id) WHERE signer_id IS NOT NULL;

-- The signatory snapshots (V42): grants (see V24).
DO $$
DECLARE
    app TEXT := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON signatory_snapshot, signatory_snapshot_part TO %I', app);
END
$$;
