-- The fold of sign-up signals (V32) reads, adds and moves its mark forward (see V24).
DO $$
DECLARE
    app TEXT := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON signup_signal, signup_signal_mark TO %I', app);
END
$$;
