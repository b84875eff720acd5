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

    @Message("For the press")
    String navPress();

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
}
