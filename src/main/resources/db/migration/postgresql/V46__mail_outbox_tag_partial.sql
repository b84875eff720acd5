-- The outbox's tag index serves only mails given up (Outbox.undelivered, the failed-mail gauge: both ask for status
-- 'FAILED' in their text): a queued mail need not maintain it, one index entry fewer for every mail and sign-up.
DROP INDEX mail_outbox_tag;
CREATE INDEX mail_outbox_tag ON mail_outbox (tag) WHERE status = 'FAILED';
