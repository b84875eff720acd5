package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the pages behind mailed links (confirm, withdraw, re-affirm, attach, disown) and of what they did,
 * English here; other languages in {@code src/main/resources/messages/link_<tag>.properties}. Templates use them as
 * {@code {link:key}}.
 */
@MessageBundle(value = "link", locale = "en")
public interface LinkMessages {

    // the titles of the mailed links' pages, by kind of link

    @Message("Confirm your signature")
    String titleConfirm();

    @Message("Withdraw your signature")
    String titleWithdraw();

    @Message("Re-affirm your signature")
    String titleReaffirm();

    @Message("Add your ORCID iD to your signature")
    String titleAttach();

    @Message("I did not sign this")
    String titleDisown();

    @Message("A new link is on its way")
    String titleResent();

    @Message("Signature")
    String titleSignature();

    @Message("Signature confirmed")
    String doneConfirm();

    @Message("Signature withdrawn")
    String doneWithdraw();

    @Message("Signature re-affirmed")
    String doneReaffirm();

    @Message("ORCID iD added")
    String doneAttach();

    @Message("Signature disowned")
    String doneDisown();

    @Message("No new link needed")
    String doneNotResent();

    // what a link will do, before it does it

    @Message("signs")
    String signs();

    @Message("Your name will be listed publicly.")
    String willBeListed();

    @Message("You will be counted; your name will not be shown.")
    String willBeCounted();

    @Message("Confirm my signature")
    String confirmButton();

    @Message("Signed with ORCID already?")
    String orcidAlready();

    @Message("Then you are counted once:")
    String orcidThen();

    @Message("sign in with ORCID to add this address to that signature")
    String orcidJoinLink();

    @Message("instead of confirming a second one.")
    String orcidInstead();

    @Message("Withdraw")
    String withdrawAsk();

    @Message("your signature")
    String yourSignature();

    @Message("this signature")
    String thisSignature();

    @Message("from")
    String from();

    @Message("? The count drops at once.")
    String withdrawAskEnd();

    @Message("Also erase my name, email address and affiliation from this service")
    String eraseLabel();

    @Message("Withdraw my signature")
    String withdrawButton();

    @Message("You did not sign this")
    String disownHeading();

    @Message("and mark it as disowned? The count drops and the log records an invalidation.")
    String disownAskEnd();

    @Message("Join your email and ORCID signatures")
    String attachHeading();

    @Message("You signed")
    String attachYouSigned();

    @Message("by email as")
    String attachByEmailAs();

    @Message(", and someone signed in with ORCID gave this address. If that was you, join the two so you are"
            + " counted once: the signature made first keeps its name and listing, and the other proof is added to it."
            + " If it was not you, ignore this mail.")
    String attachRest();

    @Message("Join my signatures")
    String attachButton();

    @Message("has a new version ({version}) with a material change.")
    String reaffirmNewVersion(int version);

    @Message("See what changed")
    String seeWhatChanged();

    @Message(", then re-affirm if you still agree.")
    String thenReaffirm();

    @Message("Re-affirm for version {version}")
    String reaffirmButton(int version);

    // a link that cannot be used

    @Message("This link has expired")
    String expiredHeading();

    @Message("Confirmation links work for a limited time. Nothing is lost: we can send you a new one.")
    String expiredLead();

    @Message("This link has already been used")
    String usedHeading();

    @Message("If you confirmed, your signature is counted.")
    String usedConfirm();

    @Message("This signature has already been withdrawn.")
    String usedWithdraw();

    @Message("An ORCID iD is already on this signature or on another signature of this letter, or this signature"
            + " no longer counts.")
    String usedAttach();

    @Message("Your signature has already been re-affirmed.")
    String usedReaffirm();

    @Message("Back to the letter")
    String backToLetter();

    @Message("To get a new link, sign again with the same address.")
    String signAgainForLink();

    @Message("This link is not valid")
    String invalidHeading();

    @Message("Check that the whole link was copied from the mail. If it still does not work, sign again with the"
            + " same address: we will send a new link.")
    String invalidLead();

    @Message("See all letters")
    String seeAllLetters();

    // what a link did

    @Message("Thank you: your address is confirmed")
    String thanksAddressConfirmed();

    @Message("Your name matches someone well known, so an organiser of")
    String heldBefore();

    @Message("checks the signature before it is counted and listed. This protects you and them from impersonation.")
    String heldAfter();

    @Message("Signing with ORCID instead is counted at once.")
    String heldOrcidFaster();

    @Message("checks the signature before it is counted and listed. Your ORCID iD was not added: sign in with"
            + " ORCID again once it is counted.")
    String heldNoOrcid();

    @Message("Thank you: your signature is counted")
    String thanksCounted();

    @Message("You signed")
    String youSigned();

    @Message("Your name is on the list.")
    String nameOnList();

    @Message("You are counted; your name is not shown.")
    String countedNotShown();

    @Message("We have emailed you a receipt with a link to withdraw at any time.")
    String receiptSent();

    @Message("Your signature is withdrawn")
    String withdrawnHeading();

    @Message("It no longer counts for")
    String noLongerCounts();

    @Message("Your name, email address and affiliation have been erased.")
    String erased();

    @Message("The signature is withdrawn and marked as disowned")
    String disownedHeading();

    @Message("; the log records an invalidation.")
    String logRecordsInvalidation();

    @Message("Your signature is re-affirmed")
    String reaffirmedHeading();

    @Message("It now counts for version {version} of")
    String nowCountsFor(int version);

    @Message("Your two signatures are joined")
    String joinedHeading();

    @Message("You count once on")
    String countOnceOn();

    @Message(": the signature you made first keeps its name and listing, and the log records the other proof as"
            + " new evidence under it. Signing in with ORCID finds it, to see or withdraw it.")
    String joinedRest();

    @Message("Check your email for a new confirmation link for")
    String checkNewLink();

    @Message("This signature is no longer waiting for confirmation.")
    String notWaiting();
}
