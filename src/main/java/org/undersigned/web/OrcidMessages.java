package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of signing with ORCID (the form, what signing did, withdrawing, joining an email signature), English
 * here; other languages in {@code src/main/resources/messages/orcid_<tag>.properties}. Templates use them as
 * {@code {orcid:key}}.
 */
@MessageBundle(value = "orcid", locale = "en")
public interface OrcidMessages {

    // signing with ORCID

    @Message("Signed in as ORCID iD")
    String signedInAs();

    @Message("Your signature counts as soon as you sign: ORCID has confirmed who you are.")
    String countsAtOnce();

    @Message("Your name, as on your ORCID record:")
    String nameOnRecord();

    @Message("(your ORCID record shows none publicly)")
    String noPublicName();

    @Message("Affiliation")
    String affiliation();

    @Message("Another, typed below (shown as typed by you), or none")
    String anotherOrNone();

    @Message("(optional, if not chosen above)")
    String organisationHint();

    @Message("(optional: for a receipt with a withdrawal link; never shown. If this address already signed this"
            + " letter by email, it also gets a link that joins the two signatures, so you are counted once)")
    String emailHint();

    // signed with ORCID

    @Message("Thank you: an organiser checks your signature")
    String heldHeading();

    @Message("Your name could be that of someone well known, and this service has not been told that your ORCID"
            + " iD is theirs, so an organiser of")
    String heldBefore();

    @Message("checks the signature before it is counted. Nothing more is needed from you.")
    String heldAfter();

    @Message("as")
    String signedAs();

    @Message("You have signed this letter")
    String signedHeading();

    @Message("Your ORCID iD already signed")
    String alreadySigned();

    @Message("Status of your signature")
    String statusLink();

    @Message("what was verified (signed)")
    String verifiedLink();

    @Message("Signed by email as well?")
    String emailToo();

    @Message("Give that address: if it signed this letter, we mail it a link that joins the two signatures, so"
            + " you are counted once.")
    String emailTooLead();

    @Message("Email address")
    String emailAddress();

    @Message("Mail that address a link")
    String mailLink();

    @Message("Withdraw")
    String withdraw();

    @Message("Also erase my name, ORCID iD and affiliation from this service")
    String eraseLabel();

    // withdrawn, and the join mailed

    @Message("Your name, ORCID iD and affiliation have been erased.")
    String erased();

    @Message("Nothing to withdraw")
    String nothingToWithdraw();

    @Message("Your ORCID iD has no signature on")
    String noSignatureOn();

    @Message("If")
    String ifAddress();

    @Message("signed")
    String hasSigned();

    @Message(", a link that joins the two signatures is on its way to it. Follow it to be counted once; until"
            + " then nothing changes.")
    String joinOnItsWay();

    @Message("Back to your signature")
    String backToSignature();
}
