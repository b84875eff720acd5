-- A mail queued as a shape and fills (mail.MailShape): the bodies many mails share, with blanks, stored once under
-- the SHA-256 of their bodies; each queued mail names its shape and holds the values of its blanks (a JSON object),
-- filled in when it is sent. The sign-up writer queues confirmations so: a few hundred bytes a mail instead of two
-- rendered bodies. A shape holds no personal data (the words around a name and a link).
CREATE TABLE mail_shape (
    id         VARCHAR(64) PRIMARY KEY,
    text_body  VARCHAR NOT NULL,
    html_body  VARCHAR,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE mail_outbox ADD COLUMN shape VARCHAR(64);
ALTER TABLE mail_outbox ADD COLUMN fills VARCHAR;        -- cleared once sent (the row goes) or given up
