package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the mails (templates/mail/, subjects included), English here; other languages in
 * {@code src/main/resources/messages/mail_<tag>.properties}. A mail is written in the language its signer signed in,
 * not the language of whatever request happens to send it. Sentences around a link are split at the link, so that
 * the HTML part can link the words and the text part can give the URL.
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailMessages {

    /** The mail's language tag, for {@code <html lang>}. */
    @Message("en")
    String lang();

    @Message("Undersigned: open letters whose signatures anyone can check.")
    String footer();

    @Message("Hello {name},")
    String hello(String name);

    @Message("Hello,")
    String helloNobody();

    /** A letter's title quoted in running text (the text part; the HTML part links it instead). */
    @Message("\"{title}\"")
    String quoted(String title);

    @Message("The letter:")
    String theLetter();

    @Message("with this email address.")
    String withThisAddress();

    @Message("The link works once and expires in {hours} hours.")
    String linkOnce(long hours);

    @Message("withdraw your signature")
    String withdrawLink();

    // confirm

    @Message("Confirm your signature: {title}")
    String confirmSubject(String title);

    @Message("Someone, hopefully you, asked to sign")
    String confirmAsked();

    @Message("To confirm your signature, open this link and press \"Confirm\":")
    String confirmOpen();

    @Message("Confirm my signature")
    String confirmLink();

    @Message("(opens a page with a Confirm button).")
    String confirmLinkHint();

    @Message("Your name will be listed publicly.")
    String willBeListed();

    @Message("Your signature will be counted but your name will not be listed.")
    String willBeCounted();

    @Message("If you did not ask for this, ignore this mail: nothing is counted without your confirmation.")
    String confirmIgnore();

    // receipt

    @Message("Your signature is counted: {title}")
    String receiptSubject(String title);

    @Message("Thank you. Your signature on")
    String receiptThanks();

    @Message("is confirmed and counted.")
    String receiptCounted();

    @Message("Your name is listed publicly.")
    String isListed();

    @Message("Your signature is counted; your name is not listed.")
    String isCounted();

    @Message("Your signature's public status:")
    String statusLine();

    @Message(
            "Your receipt, a proof that your signature is in the letter's public log (ready a moment after this mail):")
    String receiptLine();

    @Message("Your signature's public status")
    String statusLink();

    @Message("your receipt")
    String receiptLink();

    @Message("(a proof that your signature is in the letter's public log)")
    String receiptWhat();

    @Message("Keep this mail.")
    String keepMail();

    @Message("To withdraw your signature at any time (sign in with ORCID there), open:")
    String withdrawOrcid();

    @Message("To withdraw your signature at any time (and, if you wish, erase your personal data), open:")
    String withdrawEmail();

    @Message("You can")
    String youCan();

    @Message("at any time, and erase your personal data if you wish.")
    String anyTimeErase();

    // already signed

    @Message("You have already signed: {title}")
    String alreadySubject(String title);

    @Message("Someone asked to sign")
    String alreadyAsked();

    @Message("with this email address, but it has already signed, so nothing changed: every person counts once.")
    String alreadyCounted();

    @Message("If you want to withdraw your signature (and, if you wish, erase your personal data), open:")
    String alreadyWithdraw();

    @Message("If you want to, you can")
    String ifYouWant();

    @Message("and erase your personal data.")
    String andErase();

    // attach

    @Message("Add your ORCID iD to your signature: {title}")
    String attachSubject(String title);

    @Message("You signed")
    String youSigned();

    @Message("Someone, hopefully you, has now signed in with the ORCID iD {orcid} to sign it again.")
    String attachSignedIn(String orcid);

    @Message("You are counted once.")
    String countedOnce();

    @Message("To add that ORCID iD to the signature you already made, open this link and press \"Join my signatures\":")
    String attachOpen();

    @Message("Add this ORCID iD to my signature")
    String attachLink();

    @Message("(opens a page with a Join my signatures button).")
    String attachLinkHint();

    @Message("Your signature keeps its name and listing, and still counts once.")
    String attachKeeps();

    @Message("If this was not you, ignore this mail: nothing changes without you.")
    String notYou();

    // disown

    @Message("Did you sign \"{title}\"?")
    String disownSubject(String title);

    @Message("Someone reported that the signature made with this email address on")
    String disownReported();

    @Message("is not yours.")
    String notYours();

    @Message("If you did not sign it, open this link and confirm: the signature is withdrawn, marked as disowned, and"
            + " the log records an invalidation.")
    String disownOpen();

    @Message("If you did not sign it,")
    String ifNotSigned();

    @Message("open this link and confirm")
    String disownLink();

    @Message(": the signature is withdrawn, marked as disowned, and the log records an invalidation.")
    String disownEffect();

    @Message("If you did sign it, ignore this mail: nothing changes.")
    String disownIgnore();

    // dispute

    @Message("Your signature on \"{title}\" is disputed")
    String disputeSubject(String title);

    @Message("Someone signed in with ORCID as \"{claimant}\" says that the signature made with this email address on")
    String disputeClaim(String claimant);

    @Message("Someone signed in with ORCID says that the signature made with this email address on")
    String disputeClaimUnnamed();

    @Message("is not theirs and that they did not sign it.")
    String notTheirs();

    @Message("Nothing has changed: your signature still counts. The letter's organisers decide, and they would like to"
            + " hear from you.")
    String disputeNothing();

    @Message("If you signed, answer here (the link works once, for 30 days):")
    String disputeAnswer();

    @Message("If you signed,")
    String ifSigned();

    @Message("answer here")
    String answerLink();

    @Message("(the link works once, for 30 days).")
    String answerLinkHint();

    @Message("If you did not sign it, say so in your answer.")
    String disputeSaySo();

    // news

    @Message("News on \"{title}\": {news}")
    String newsSubject(String title, String news);

    @Message("News on \"{title}\": Version {version} of \"{title}\"")
    String newsVersionSubject(String title, int version);

    /** The news of a new version (other news is titled by its author). */
    @Message("Version {version} of \"{title}\"")
    String newsVersionTitle(int version, String title);

    @Message("You asked to hear about")
    String newsAsked();

    @Message("A new version is published:")
    String newsVersion();

    @Message("A rebuttal is published:")
    String newsRebuttal();

    @Message("A response is published:")
    String newsResponse();

    @Message("Something new is published:")
    String newsOther();

    @Message("The whole thread, every claim beside its answer:")
    String newsThread();

    @Message("To stop these mails, open:")
    String newsStop();

    @Message("Stop these mails")
    String newsStopLink();

    // re-affirm

    @Message("The letter you signed has changed: {title}")
    String reaffirmSubject(String title);

    @Message("The letter you signed,")
    String reaffirmLetter();

    @Message(", has a new version ({version}) with a material change.")
    String reaffirmChanged(int version);

    @Message("You signed version {version}.")
    String youSignedVersion(int version);

    @Message("See what changed:")
    String seeChanged();

    @Message("See what changed")
    String seeChangedLink();

    @Message("Your signature still counts for the version you signed.")
    String stillCounts();

    @Message("To sign version {version} as well, open this link and press \"Re-affirm\":")
    String reaffirmOpen(int version);

    @Message("Re-affirm for version {version}")
    String reaffirmLink(int version);

    @Message("(opens a page with a Re-affirm button).")
    String reaffirmLinkHint();
}
