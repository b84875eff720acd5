-- Two roles (docs/ARCHITECTURE.md#persistence): the migrations run as the database's owner, the application as the
-- datasource's user, ${app_role}, which gets what the code needs and nothing more. On the log's tables that is reading
-- and appending (log_head also moves forward, log_pending is also emptied); owning nothing, it can neither drop a
-- trigger nor truncate a table. A later migration that creates a table grants on it in the same file (append-only
-- tables: SELECT and INSERT only); default privileges give nothing on tables. When the application runs as the owner
-- (one role for everything), nothing is granted.
DO $$
DECLARE
    app TEXT := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT ON log_entry, log_hash, log_checkpoint, log_tile, log_cosignature, '
        || 'letter_count_at TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON log_head TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, DELETE ON log_pending TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON app_lock, app_secret, attestation, audit_event, '
        || 'count_audit, count_audit_signer, count_audit_total, dispute, letter, letter_count, letter_organiser, '
        || 'letter_version, mail_outbox, notification_campaign, organiser_token_revocation, rate_limit_bucket, '
        || 'reaffirm_campaign, signature, signature_token, thread_entry TO %I', app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I', app);
END
$$;
