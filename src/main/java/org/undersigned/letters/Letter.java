package org.undersigned.letters;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A letter's metadata as last loaded from its letter.yaml. */
@Entity
@Table(name = "letter")
class Letter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String slug;
    String title;
    String summary;

    @Enumerated(EnumType.STRING)
    LetterStatus status;

    @Column(name = "addressed_to")
    String addressedTo;

    /** Comma-separated counts, ascending; empty for none. */
    String milestones;

    @Column(name = "addressee_email")
    String addresseeEmail;

    /** The organisers opted in to mailing the addressee when a milestone is passed. */
    @Column(name = "addressee_milestones")
    boolean addresseeMilestones;

    LocalDate opens;
    LocalDate closes;

    /** Comma-separated language tags. */
    String languages;

    @Column(name = "loaded_at")
    OffsetDateTime loadedAt;

    @ElementCollection
    @CollectionTable(name = "letter_organiser", joinColumns = @JoinColumn(name = "letter_id"))
    @OrderColumn(name = "position")
    List<Organiser> organisers = new ArrayList<>();

    @Embeddable
    static class Organiser {
        String name;
        String orcid;

        Organiser() {}

        Organiser(String name, String orcid) {
            this.name = name;
            this.orcid = orcid;
        }
    }
}
