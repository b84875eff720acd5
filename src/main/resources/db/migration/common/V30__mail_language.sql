-- Mails in the signer's language (README, "Languages"): the language tag of the request a signature was made in, so
-- that mails sent later without that request (receipts, news, re-affirmations) are written in it; null for the
-- default language. The outbox keeps a queued mail's tag for its Content-Language header. Columns of tables the
-- application's role already writes (V24): nothing to grant.
ALTER TABLE signature ADD COLUMN language VARCHAR(35);
ALTER TABLE mail_outbox ADD COLUMN language VARCHAR(35);
