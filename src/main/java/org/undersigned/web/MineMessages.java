package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of a signer's passkey pages: the offer on the confirmation page, signing in with a passkey, and the page
 * where a signer signed in manages their signature. English here; other languages in
 * {@code src/main/resources/messages/mine_<tag>.properties}. Templates use them as {@code {mine:key}}.
 */
@MessageBundle(value = "mine", locale = "en")
public interface MineMessages {

    // the offer, on the confirmation page and on the signature's page

    @Message("Manage this signature later")
    String offerHeading();

    @Message("Add a passkey to manage this signature later: withdraw it, erase it or change your news choices without"
            + " waiting for a mail. Your device keeps the passkey.")
    String offerLead();

    @Message("The withdrawal link in your receipt mail keeps working, with or without a passkey.")
    String linkStillWorks();

    @Message("Add a passkey")
    String addButton();

    @Message("Add a passkey on another device")
    String anotherDevice();

    // signing in

    @Message("Manage your signature with a passkey")
    String signInTitle();

    @Message("If you added a passkey when you confirmed your signature, use it here to withdraw or erase your"
            + " signature, or to start or stop news of responses.")
    String signInLead();

    @Message("Use my passkey")
    String signInButton();

    @Message("No passkey? The withdrawal link in your receipt mail does the same, and needs no JavaScript.")
    String noPasskey();

    // the signature's page

    @Message("Your signature")
    String signatureTitle();

    @Message("You signed")
    String youSigned();

    @Message("Name")
    String nameLabel();

    @Message("Status")
    String statusLabel();

    @Message("Listing")
    String listingLabel();

    @Message("Counted")
    String statusCounted();

    @Message("Held until an organiser has checked the name")
    String statusHeld();

    @Message("Withdrawn")
    String statusWithdrawn();

    @Message("Not confirmed yet")
    String statusPending();

    @Message("Withdrawn, and your name, email and affiliation erased")
    String statusErased();

    @Message("Your name is on the public list")
    String listedPublic();

    @Message("Counted, not shown by name")
    String listedPrivate();

    @Message("Passkeys for this signature: {count}")
    String passkeyCount(int count);

    @Message("Withdraw")
    String withdrawHeading();

    @Message("Also erase my name, email and affiliation")
    String eraseLabel();

    @Message("Withdraw my signature")
    String withdrawButton();

    @Message("Erase my name, email and affiliation")
    String eraseButton();

    @Message("Erasing deletes your passkeys for this signature too.")
    String erasingDeletesPasskeys();

    @Message("News of responses")
    String newsHeading();

    @Message("You are told by mail when the letter gets a response or a new version.")
    String newsOn();

    @Message("You are not mailed news of this letter.")
    String newsOff();

    @Message("Stop news")
    String newsStop();

    @Message("Send me news")
    String newsStart();

    @Message("Sign out")
    String signOut();
}
