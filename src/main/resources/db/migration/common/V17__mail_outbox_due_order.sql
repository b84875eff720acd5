-- Senders claim due mail in the order it was queued (next_attempt_at, then id): an index in exactly that order, so a
-- claim reads its batch from the index instead of sorting every due row (whole sign-up batches share one time).
CREATE INDEX mail_outbox_due_order ON mail_outbox (status, next_attempt_at, id);
DROP INDEX mail_outbox_due;
