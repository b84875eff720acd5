-- Passkeys, their challenges, organiser accounts and invitations, signer sessions (V36) (see V24).
DO $$
DECLARE
    app TEXT := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON passkey, passkey_challenge, organiser_account, '
                   'organiser_invitation, signer_session TO %I', app);
END
$$;
