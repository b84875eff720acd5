package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a signer's other pages: "I did not sign this", answering a dispute, joining an email sign-up to an
 * ORCID signature, stopping news mails, asking for a new confirmation link. English here; other languages in
 * {@code src/main/resources/messages/signer_<tag>.properties}. Templates use them as {@code {signer:key}}.
 */
@MessageBundle(value = "signer", locale = "en")
public interface SignerMessages {

    // "I did not sign this"

    @Message("“I did not sign this”")
    String disownQuoted();

    @Message("Signed in with ORCID iD")
    String signedInWith();

    @Message("and mark it as disowned?")
    String markDisownedAsk();

    @Message("If that address is behind the signature, a link to confirm is on its way.")
    String ifBehindMailed();

    @Message("The signature is withdrawn")
    String withdrawnHeading();

    @Message("and is marked as disowned; the log records an invalidation.")
    String disownedRest();

    @Message("The organisers will decide")
    String disputedHeading();

    @Message("Your ORCID record shows the listed name, but your iD is not the one behind this signature, and a"
            + " name alone does not prove who signed. The signature still counts; the organisers of")
    String disputedBefore();

    @Message("review your report, and the signer, where we can reach them, is told and may answer.")
    String disputedAfter();

    @Message("This could not be proven")
    String notProvenHeading();

    @Message("Your ORCID iD did not sign this, and your ORCID record does not show the listed name publicly."
            + " Write to the letter's organisers.")
    String notProvenLead();

    @Message("Back to the list")
    String backToList();

    @Message("is listed as a signer of")
    String listedAsSignerOf();

    @Message("If this is you and you did not sign, prove it in one of these ways and the signature is withdrawn"
            + " and marked as disowned.")
    String proveIt();

    @Message("With ORCID")
    String withOrcid();

    @Message("Sign in with the ORCID iD that signed: the signature is withdrawn at once. If your ORCID record"
            + " shows the name")
    String orcidProofBefore();

    @Message("but another iD or an email address signed, your report goes to the letter's organisers, who decide;"
            + " the signer is told and may answer.")
    String orcidProofAfter();

    @Message("Prove it with ORCID")
    String proveWithOrcid();

    @Message("With the email address behind the signature")
    String withEmail();

    @Message("If your address was used, enter it: if it is the one behind this signature, we mail it a link to"
            + " confirm. We never say whether an address has signed.")
    String withEmailLead();

    @Message("Send me a link")
    String sendLink();

    // the signer's answer to a dispute

    @Message("Answer a dispute")
    String answerTitle();

    @Message("Thank you: your answer is with the organisers")
    String answeredHeading();

    @Message("The organisers of")
    String organisersOf();

    @Message("read it before they decide. Your signature counts until they do.")
    String readBeforeDeciding();

    @Message("Your signature is disputed")
    String disputedSignature();

    @Message("someone")
    String someone();

    @Message(", signed in with ORCID, says the signature of")
    String claimSays();

    @Message("on")
    String onLetter();

    @Message("is not theirs. Your signature still counts; the organisers decide.")
    String claimRest();

    @Message("Your answer for the organisers")
    String answerLabel();

    @Message("(never published; at most 2,000 characters)")
    String answerHint();

    @Message("Send my answer")
    String sendAnswer();

    @Message("Check that the whole link was copied from the mail.")
    String checkWholeLink();

    @Message("This link can no longer be used")
    String noLongerUsable();

    @Message("It was used already, it expired, or the dispute has been decided.")
    String noLongerUsableLead();

    // joining an email sign-up to an ORCID signature

    @Message("Join your signatures")
    String joinTitle();

    @Message("This iD signed")
    String thisIdSigned();

    @Message("Add this email address to that signature? You stay counted once, with that name and listing; the"
            + " email sign-up as")
    String addAddressAsk();

    @Message("is dropped and never counted.")
    String droppedNeverCounted();

    @Message("Add this address to my ORCID signature")
    String addAddressButton();

    @Message("This iD has not signed")
    String thisIdNotSigned();

    @Message("Confirm your email signature as")
    String confirmEmailAs();

    @Message("with this ORCID iD added to it? You are counted once.")
    String withIdAdded();

    @Message("Confirm with my ORCID iD")
    String confirmWithId();

    @Message("Back: confirm without ORCID")
    String confirmWithoutOrcid();

    @Message("Your signatures are joined")
    String joinedTitle();

    @Message("Thank you: you are counted once")
    String countedOnceHeading();

    @Message("Your signature on")
    String yourSignatureOn();

    @Message("counts once, as")
    String countsOnceAs();

    @Message(", with your email address and your ORCID iD; the log records the added proof as evidence under it."
            + " Signing in with ORCID finds it, to see or withdraw it.")
    String joinedProof();

    // news mails

    @Message("Stop news mails")
    String newsTitle();

    @Message("You will get no more news")
    String noMoreNews();

    @Message("We will not mail you again about new versions or responses of")
    String noMoreMailsAbout();

    @Message("Your signature still counts.")
    String stillCounts();

    @Message("Stop news mails?")
    String stopNewsAsk();

    @Message("Stop mails about new versions and responses of")
    String stopMailsAbout();

    @Message("Stop the mails")
    String stopButton();

    // a new confirmation link asked for

    @Message("A new confirmation link")
    String resendTitle();

    @Message("Check the address")
    String checkAddress();

    @Message("If a sign-up from")
    String ifSignUpFrom();

    @Message("is waiting for confirmation on")
    String waitingOn();

    @Message(", a new confirmation link is on its way to the address it gave.")
    String newLinkOnWay();

    @Message("The new link replaces none of the old ones: any of them confirms once. Still nothing? Check your"
            + " spam folder, or sign with ORCID instead.")
    String oldLinksWork();
}
