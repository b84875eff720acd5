package org.undersigned.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A mail waiting to be sent. A sent mail's row is deleted, and a mail given up keeps no address or bodies, so the table keeps no personal data beyond delivery. */
@Entity
@Table(name = "mail_outbox")
class OutboxMessage {

    enum Status {
        PENDING,
        SENT,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String recipient;
    String subject;

    @Column(name = "text_body")
    String textBody;

    @Column(name = "html_body")
    String htmlBody;

    @Enumerated(EnumType.STRING)
    Status status;

    int attempts;

    @Column(name = "next_attempt_at")
    OffsetDateTime nextAttemptAt;

    @Column(name = "claimed_until")
    OffsetDateTime claimedUntil;

    @Column(name = "last_error")
    String lastError;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "list_unsubscribe")
    String listUnsubscribe;

    @Column(name = "sent_at")
    OffsetDateTime sentAt;

    String tag;

    /** The language tag the mail is written in, for its Content-Language header. */
    String language;
}
