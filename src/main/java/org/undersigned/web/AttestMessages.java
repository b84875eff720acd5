package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the console's attestation pages (counted signatures, one signature's attestations) and of the signers'
 * comments, English here; other languages in {@code src/main/resources/messages/attest_<tag>.properties}. Templates
 * use them as {@code {attest:key}}.
 */
@MessageBundle(value = "attest", locale = "en")
public interface AttestMessages {

    @Message("Counted signatures")
    String signaturesHeading();

    @Message("Counted signatures: {title}")
    String signaturesTitle(String title);

    @Message("Open a signature to attest an honour or an affiliation. Private signers are listed too: only organisers"
            + " see this page.")
    String signaturesLead();

    @Message("Search by name")
    String search();

    @Message("at least 3 letters or digits")
    String searchHint();

    @Message("Search")
    String searchButton();

    @Message("Name")
    String name();

    @Message("Stated affiliation")
    String organisation();

    @Message("Listing")
    String listing();

    @Message("public")
    String listingPublic();

    @Message("private")
    String listingPrivate();

    @Message("Evidence of the affiliation")
    String level();

    @Message("Confirmed (UTC)")
    String confirmed();

    @Message("No counted signature matches.")
    String noneFound();

    @Message("Next page")
    String next();

    @Message("Back to the first page")
    String first();

    @Message("Attest")
    String attestHeading();

    @Message("Attest: {name}")
    String attestTitle(String name);

    @Message("Role")
    String role();

    @Message("Identity")
    String identity();

    @Message("Honours")
    String honours();

    @Message("none")
    String none();

    @Message("Attest the affiliation")
    String affiliationHeading();

    @Message("Only the organisation the signer stated can be attested. Its evidence becomes the strongest: attested"
            + " by the organisers.")
    String affiliationLead();

    @Message("Organisation")
    String organisationLabel();

    @Message("Choose an organisation")
    String chooseOrganisation();

    @Message("Attest this affiliation")
    String affiliationButton();

    @Message("Attest an honour")
    String honourHeading();

    @Message("The signer's name must be among the honour's laureates of that year, as listed in")
    String honourLead();

    @Message("Honour")
    String honourLabel();

    @Message("Choose an honour")
    String chooseHonour();

    @Message("Year awarded")
    String yearLabel();

    @Message("Attest this honour")
    String honourButton();

    @Message("Signed statements")
    String statementsHeading();

    @Message("Each statement is an in-toto statement about this signature's log entry, signed by the service and"
            + " served to anyone at")
    String statementsLead();

    @Message("No statement yet.")
    String statementsNone();

    @Message("Statement {number}")
    String statement(int number);

    @Message("Type")
    String statementType();

    @Message("Payload, decoded")
    String statementPayload();

    @Message("Signature")
    String statementSignature();

    @Message("Key id")
    String keyId();

    @Message("The honour is attested. Its signed statement is the first below.")
    String attestedHonour();

    @Message("The affiliation is attested. Its signed statement is the first below.")
    String attestedAffiliation();

    @Message("Evidence of the affiliation now:")
    String levelNow();

    @Message("Please check the fields marked below.")
    String formCheck();

    @Message("Choose an honour from the list.")
    String errorHonour();

    @Message("Give the year it was awarded, as four digits, e.g. 2018.")
    String errorYear();

    @Message("{name} is not listed as a laureate of this honour in {year}.")
    String errorNotLaureate(String name, String year);

    @Message("Choose an organisation from the list.")
    String errorOrganisation();

    @Message("The signer did not state this organisation: only a stated affiliation can be attested.")
    String errorNotStated();

    @Message("This signature is no longer counted, so nothing was attested.")
    String errorNotCounted();

    @Message("Search with at least 3 letters or digits of the name.")
    String errorQuery();

    @Message("This page position is not one the console gave: start again from the first page.")
    String errorAfter();

    @Message("Signers' comments")
    String commentsHeading();

    @Message("Signers' comments: {title}")
    String commentsTitle(String title);

    @Message("What signers wrote when they signed, newest first. Only organisers see them: no public page or API"
            + " shows a comment.")
    String commentsLead();

    @Message("No signer has left a comment.")
    String commentsNone();

    @Message("Older comments")
    String older();

    @Message("Newest comments")
    String newest();
}
