package org.undersigned.signatures;

import org.undersigned.verification.EmailAddress;
import org.undersigned.verification.EmailAddress.Flaw;
import org.undersigned.web.SignMessages;

/**
 * What is wrong with one field of a signer's form. The API says it in English ({@link #english()}, its words
 * unchanged); pages say it in the reader's language through the {@code sign} bundle ({@link #in}). A test checks
 * that the bundle's English is the API's.
 */
public enum FieldProblem {
    NAME_MISSING("Please give your name as it should appear."),
    NAME_TOO_LONG("Your name can be at most " + SignRequest.NAME_MAX + " characters."),
    NAME_MISSING_ORCID("Your ORCID record shows no public name: give your name as it should appear."),
    EMAIL_MISSING("Please give your email address: we send a link to confirm your signature."),
    EMAIL_EMPTY(Flaw.EMPTY),
    EMAIL_SPACES(Flaw.SPACES),
    EMAIL_DECORATED(Flaw.DECORATED),
    EMAIL_MALFORMED(Flaw.MALFORMED),
    EMAIL_LOCAL_DOTS(Flaw.LOCAL_DOTS),
    EMAIL_LOCAL_TOO_LONG(Flaw.LOCAL_TOO_LONG),
    EMAIL_DOMAIN(Flaw.DOMAIN),
    EMAIL_TOO_LONG(Flaw.TOO_LONG),
    ORGANISATION_TOO_LONG("The organisation can be at most " + SignRequest.ORGANISATION_MAX + " characters."),
    ROLE_TOO_LONG("The role can be at most " + SignRequest.ROLE_MAX + " characters."),
    ORGANISATION_FOR_ROLE("Please name the organisation your role is at, or leave the role empty."),
    LISTING_MISSING("Choose whether your name is listed publicly or only counted."),
    COMMENT_TOO_LONG("The comment can be at most " + SignRequest.COMMENT_MAX + " characters."),
    ANSWER("Write your answer, at most " + Disputes.ANSWER_MAX + " characters."),
    QUERY_TOO_SHORT(
            "Search with at least " + Signatories.MIN_QUERY + " letters of a name: fewer would match almost everyone."),
    CURSOR("Use the 'next' value of the previous page.");

    private final String english;

    FieldProblem(String english) {
        this.english = english;
    }

    FieldProblem(Flaw flaw) {
        this(flaw.english());
    }

    /** The problem with a typed email address. */
    public static FieldProblem of(Flaw flaw) {
        return switch (flaw) {
            case EMPTY -> EMAIL_EMPTY;
            case SPACES -> EMAIL_SPACES;
            case DECORATED -> EMAIL_DECORATED;
            case MALFORMED -> EMAIL_MALFORMED;
            case LOCAL_DOTS -> EMAIL_LOCAL_DOTS;
            case LOCAL_TOO_LONG -> EMAIL_LOCAL_TOO_LONG;
            case DOMAIN -> EMAIL_DOMAIN;
            case TOO_LONG -> EMAIL_TOO_LONG;
        };
    }

    /** In English, as the API says it. */
    public String english() {
        return english;
    }

    /** In the bundle's language. */
    public String in(SignMessages m) {
        return switch (this) {
            case NAME_MISSING -> m.errNameMissing();
            case NAME_TOO_LONG -> m.errNameTooLong(SignRequest.NAME_MAX);
            case NAME_MISSING_ORCID -> m.errNameMissingOrcid();
            case EMAIL_MISSING -> m.errEmailMissing();
            case EMAIL_EMPTY -> m.errEmailEmpty();
            case EMAIL_SPACES -> m.errEmailSpaces();
            case EMAIL_DECORATED -> m.errEmailDecorated();
            case EMAIL_MALFORMED -> m.errEmailMalformed();
            case EMAIL_LOCAL_DOTS -> m.errEmailLocalDots();
            case EMAIL_LOCAL_TOO_LONG -> m.errEmailLocalTooLong(EmailAddress.LOCAL_MAX);
            case EMAIL_DOMAIN -> m.errEmailDomain();
            case EMAIL_TOO_LONG -> m.errEmailTooLong(EmailAddress.ADDRESS_MAX);
            case ORGANISATION_TOO_LONG -> m.errOrganisationTooLong(SignRequest.ORGANISATION_MAX);
            case ROLE_TOO_LONG -> m.errRoleTooLong(SignRequest.ROLE_MAX);
            case ORGANISATION_FOR_ROLE -> m.errOrganisationForRole();
            case LISTING_MISSING -> m.errListingMissing();
            case COMMENT_TOO_LONG -> m.errCommentTooLong(SignRequest.COMMENT_MAX);
            case ANSWER -> m.errAnswer(Disputes.ANSWER_MAX);
            case QUERY_TOO_SHORT -> m.errQueryTooShort(Signatories.MIN_QUERY);
            case CURSOR -> m.errCursor();
        };
    }
}
