-- RFC 8058 one-click unsubscribe for news mails: the URL goes into List-Unsubscribe; cleared once sent.
ALTER TABLE mail_outbox ADD COLUMN list_unsubscribe VARCHAR(2000);
