-- The log's keys are part of its record: the database refuses to change or delete them (see V5), and the
-- application's role may only read and append (see V24).
CREATE TRIGGER log_key_append_only BEFORE UPDATE OR DELETE ON log_key
    FOR EACH ROW EXECUTE FUNCTION log_refuse_change();
CREATE TRIGGER log_key_no_truncate BEFORE TRUNCATE ON log_key
    FOR EACH STATEMENT EXECUTE FUNCTION log_refuse_change();
DO $$
DECLARE
    app TEXT := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT ON log_key TO %I', app);
END
$$;
