-- What a mail is about, opaque to the outbox (e.g. "confirm:<letter slug>"): kept when a mail is given up, so that
-- organisers see the sign-ups whose confirmation could not be delivered, per letter. Never personal data.
ALTER TABLE mail_outbox ADD COLUMN tag VARCHAR(120);
CREATE INDEX mail_outbox_tag ON mail_outbox (status, tag);
