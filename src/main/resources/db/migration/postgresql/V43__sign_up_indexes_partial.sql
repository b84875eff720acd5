-- Indexes a sign-up need not maintain (bench/README.md, "Sign intake"): a pending row has no confirmation time and,
-- unless held, no moderation. Every query of these indexes asks for a time range or a moderation state, which the
-- partial indexes answer as before.
DROP INDEX signature_confirmed_at;
CREATE INDEX signature_confirmed_at ON signature (confirmed_at) WHERE confirmed_at IS NOT NULL;
DROP INDEX signature_moderation;
CREATE INDEX signature_moderation ON signature (letter_id, moderation, seq) WHERE moderation IS NOT NULL;
