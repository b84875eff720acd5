package org.undersigned.letters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One published version of a letter. Immutable once stored, apart from its derived HTML. */
@Entity
@Table(name = "letter_version")
class LetterVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "letter_id")
    Long letterId;

    int number;
    OffsetDateTime published;
    String changes;

    @Column(name = "carries_signatures")
    boolean carriesSignatures;

    @Column(name = "text_sha256")
    String textSha256;

    String markdown;
    String html;
}
