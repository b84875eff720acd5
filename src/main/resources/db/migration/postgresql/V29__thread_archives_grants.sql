-- Archived copies are only added (see V24): the application's role reads and appends.
DO $$
DECLARE
    app TEXT := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT ON thread_archive TO %I', app);
END
$$;
