package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of signing (the form, the signing pages, the list of who signed), English here; other languages in
 * {@code src/main/resources/messages/sign_<tag>.properties}. Templates use them as {@code {sign:key}}.
 */
@MessageBundle(value = "sign", locale = "en")
public interface SignMessages {

    @Message("Please check the marked fields.")
    String formCheck();

    @Message("Nothing you typed is lost.")
    String formKept();

    @Message("(optional)")
    String optional();

    @Message("Your name")
    String signName();

    @Message("(as it should appear)")
    String signNameHint();

    @Message("Email")
    String signEmail();

    @Message("(never shown; we send you a link to confirm)")
    String signEmailHint();

    @Message("Organisation")
    String signOrganisation();

    @Message("Role")
    String signRole();

    @Message("(optional, e.g. Professor of Computer Science)")
    String signRoleHint();

    @Message("Listing")
    String signListing();

    @Message("List my name publicly")
    String signListingPublic();

    @Message("Count me, but do not show my name")
    String signListingPrivate();

    @Message("Comment")
    String signComment();

    @Message("(optional, not published)")
    String signCommentHint();

    @Message("Email me when there is a response or a new version of this letter")
    String signNotify();

    @Message("Sign this letter")
    String signButton();

    @Message("Sign: {title}")
    String signPageTitle(String title);

    @Message("You are signing version {version}")
    String signingVersion(int version);

    @Message("text SHA-256")
    String textSha256();

    @Message("Check your email")
    String sentTitle();

    @Message("We sent a link to")
    String sentTo();

    @Message("Open it and press")
    String sentOpen();

    @Message("Confirm")
    String confirmButton();

    @Message(": your signature on")
    String sentSignatureOn();

    @Message("counts from then on.")
    String sentCounts();

    @Message("The link works once and expires in {hours} hours. No mail? Check your spam folder, or sign again with"
            + " the same address to get a new link.")
    String sentExpires(long hours);

    @Message("Signed this letter with ORCID already? The link's page lets you add this address to that signature"
            + " instead, so you are counted once.")
    String sentOrcid();

    @Message("Who signed: {title}")
    String whoSignedTitle(String title);

    @Message("Who signed")
    String whoSigned();

    @Message("{count} confirmed signature.")
    String confirmedOne(long count);

    @Message("{count} confirmed signatures.")
    String confirmedMany(long count);

    @Message("Signers who chose not to be listed are counted but not shown.")
    String unlistedCounted();

    @Message("How strongly each affiliation is proven")
    String levelsCaption();

    @Message("Evidence")
    String evidenceColumn();

    @Message("Signatures")
    String signaturesColumn();

    @Message("Did someone sign? Search names")
    String searchLabel();

    @Message("Search")
    String search();

    @Message("Nobody listed matches “{q}”. A signer may have chosen not to be listed.")
    String nobodyMatches(String q);

    @Message("Nobody is listed yet.")
    String nobodyListed();

    @Message("How this signature was verified")
    String howVerified();

    @Message("not you?")
    String notYou();

    @Message("More signatories")
    String moreSignatories();

    @Message("Download the list (CSV)")
    String downloadCsv();

    @Message("as JSON")
    String asJson();

    // what is wrong with a field of a form (signatures.FieldProblem), and what follows from it

    @Message("Please give your name as it should appear.")
    String errNameMissing();

    @Message("Your name can be at most {max} characters.")
    String errNameTooLong(int max);

    @Message("Your ORCID record shows no public name: give your name as it should appear.")
    String errNameMissingOrcid();

    @Message("Please give your email address: we send a link to confirm your signature.")
    String errEmailMissing();

    @Message("Please give your email address.")
    String errEmailEmpty();

    @Message("An email address has no spaces (it should be like name@example.org).")
    String errEmailSpaces();

    @Message("Give the address alone, without a name, quotes, brackets or comments (it should be like"
            + " name@example.org).")
    String errEmailDecorated();

    @Message("This does not look like an email address (it should be like name@example.org).")
    String errEmailMalformed();

    @Message("The part before @ may not start or end with a dot or hold two dots in a row.")
    String errEmailLocalDots();

    @Message("The part before @ can be at most {max} characters.")
    String errEmailLocalTooLong(int max);

    @Message("The part after @ is not a full domain name (it should be like name@example.org).")
    String errEmailDomain();

    @Message("An email address can be at most {max} characters.")
    String errEmailTooLong(int max);

    @Message("The organisation can be at most {max} characters.")
    String errOrganisationTooLong(int max);

    @Message("The role can be at most {max} characters.")
    String errRoleTooLong(int max);

    @Message("Please name the organisation your role is at, or leave the role empty.")
    String errOrganisationForRole();

    @Message("Choose whether your name is listed publicly or only counted.")
    String errListingMissing();

    @Message("The comment can be at most {max} characters.")
    String errCommentTooLong(int max);

    @Message("Write your answer, at most {max} characters.")
    String errAnswer(int max);

    @Message("Search with at least {min} letters of a name: fewer would match almost everyone.")
    String errQueryTooShort(int min);

    @Message("Use the 'next' value of the previous page.")
    String errCursor();

    @Message("Nothing was sent.")
    String nothingSent();
}
