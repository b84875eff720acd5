package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The interface's words (README, "Languages"), English here; other languages in
 * {@code src/main/resources/messages/msg_<tag>.properties}. Templates use them as {@code {msg:key}}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    /** The page's language tag, for {@code <html lang>}. */
    @Message("en")
    String lang();

    @Message("Skip to the content")
    String skip();

    @Message("Site")
    String siteNav();

    @Message("Letters")
    String navLetters();

    @Message("API")
    String navApi();

    @Message("Language")
    String languageNav();

    @Message("Undersigned publishes open letters whose text, signatures and counts anyone can check. Every version's"
            + " text hash is public:")
    String footer();

    @Message("Open letters")
    String homeTitle();

    @Message("Open letters whose signatures can be trusted without trusting the host")
    String homeDescription();

    @Message("Each letter is published in versions whose text anyone can hash and check.")
    String homeLead();

    @Message("No letters are published yet.")
    String homeNone();

    @Message("to {addressee}")
    String homeAddressedTo(String addressee);

    @Message("version {version} of")
    String homeVersionOf(int version);

    // the signing form

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

    // the signing pages

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

    // the letter page, its signing section, labels

    @Message("open")
    String statusOpen();

    @Message("closed")
    String statusClosed();

    @Message("addressed to")
    String letterAddressedTo();

    @Message("closes")
    String letterCloses();

    @Message("You are reading version {version}. The current text is")
    String letterReading(int version);

    @Message("version {version}")
    String versionLower(int version);

    @Message("what changed")
    String whatChanged();

    @Message("Organised by")
    String organisedBy();

    @Message("Version {version}")
    String versionHeading(int version);

    @Message("Published")
    String published();

    @Message("Changes")
    String changes();

    @Message("Text SHA-256")
    String textSha256Title();

    @Message("Anyone can recompute this hash:")
    String recomputeHash();

    @Message("the exact text it covers")
    String exactText();

    @Message("is public, and the rule is in the README.")
    String isPublic();

    @Message("Verify this count yourself")
    String verifyYourself();

    @Message(": your browser recomputes it from the public log.")
    String verifyHow();

    @Message("History")
    String history();

    @Message("compare with version {version}")
    String compareWith(int version);

    @Message("material change: signers re-affirm")
    String materialChange();

    @Message("signature")
    String signatureOne();

    @Message("signatures")
    String signatureMany();

    @Message("Every signature is confirmed by email or ORCID before it counts.")
    String everySignatureConfirmed();

    @Message("See who signed")
    String seeWhoSigned();

    @Message("count as JSON")
    String countAsJson();

    @Message("How strongly affiliations are proven")
    String levelsLabel();

    @Message("Sign with ORCID")
    String signWithOrcid();

    @Message("counted at once, and your ORCID employments show how your affiliation is proven")
    String signWithOrcidWhy();

    @Message("Or sign with your email address:")
    String orSignWithEmail();

    @Message("Signed already, but no confirmation mail came?")
    String resendQuestion();

    @Message("Your email address")
    String yourEmail();

    @Message("Send me a new link")
    String sendNewLink();

    @Message("This letter does not take signatures now.")
    String notTakingSignatures();

    @Message("typed by the signer")
    String levelSelf();

    @Message("on ORCID, added by the signer")
    String levelOrcidSelf();

    @Message("email confirmed at the organisation")
    String levelEmailDomain();

    @Message("ORCID + institution")
    String levelOrcidInstitution();

    @Message("attested by the organisers")
    String levelAttested();

    @Message("no affiliation given")
    String levelNone();

    @Message("ORCID sign-in")
    String identityOrcid();

    @Message("email confirmed")
    String identityEmail();

    // who signed

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
}
