package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of passkey pages, English here; other languages in
 * {@code src/main/resources/messages/passkey_<tag>.properties}. Templates use them as {@code {passkey:key}}; the
 * page's script (passkeys.js) reads the first group from data attributes.
 */
@MessageBundle(value = "passkey", locale = "en")
public interface PasskeyMessages {

    // said by passkeys.js while and after the browser is asked

    @Message("Waiting for your passkey…")
    String busy();

    @Message("No passkey was used. Try again when you are ready.")
    String cancelled();

    @Message("This browser cannot use passkeys here; the other ways in still work.")
    String unsupported();

    @Message("Something went wrong and nothing changed. Try again.")
    String failed();

    @Message("This device holds a passkey for this already.")
    String exists();

    @Message("Done: your passkey is saved.")
    String saved();

    @Message("Passkeys need JavaScript: switch it on for this page, or use another way in.")
    String needsScript();

    // organisers' sign-in and enrolment

    @Message("Sign in as an organiser")
    String signInTitle();

    @Message("Use the passkey you created when you accepted your invitation.")
    String signInLead();

    @Message("Sign in with a passkey")
    String signInButton();

    @Message("Sign in with ORCID")
    String orcidSignIn();

    @Message("No passkey yet? Ask an admin for an invitation link.")
    String noPasskey();

    @Message("Create your passkey")
    String enrolTitle();

    @Message("You are invited as an admin, named")
    String enrolAdmin();

    @Message("You are invited as an organiser, named")
    String enrolOrganiser();

    @Message("Your device asks you to confirm with your fingerprint, face, PIN or security key. The passkey stays on"
            + " your device or in your password manager; this service keeps only its public key. The link works once.")
    String enrolHow();

    @Message("Create a passkey and sign in")
    String enrolButton();

    @Message("This invitation link does not work: it was used already, has expired, or was not copied completely. Ask"
            + " an admin for a new one.")
    String invitationGone();

    // admins' invitations page

    @Message("Invitations and passkeys")
    String invitationsTitle();

    @Message("Invite an organiser or an admin: they get a link to create a passkey, which works once and expires.")
    String invitationsLead();

    @Message("Invite")
    String inviteHeading();

    @Message("(an ORCID iD, or a name such as ann.lee)")
    String subjectHint();

    @Message("(slugs, comma-separated; an ORCID iD organises the letters whose letter.yaml lists it)")
    String lettersHint();

    @Message("Valid for")
    String lifetime();

    @Message("(ISO-8601, e.g. P7D, the default, or PT12H; at most 30 days)")
    String lifetimeHint();

    @Message("Give an ISO-8601 duration between a second and 30 days, such as P7D or PT12H.")
    String errorLifetime();

    @Message("Choose organiser or admin.")
    String errorRole();

    @Message("Create the invitation link")
    String inviteButton();

    @Message("Open invitations")
    String pendingHeading();

    @Message("No invitation is open.")
    String pendingNone();

    @Message("Invited by")
    String invitedBy();

    @Message("Cancel")
    String cancel();

    @Message("Accounts with passkeys")
    String accountsHeading();

    @Message("Nobody has created a passkey yet.")
    String accountsNone();

    @Message("Passkeys")
    String passkeys();

    @Message("Since (UTC)")
    String since();

    @Message("Remove")
    String remove();

    @Message("The invitation was cancelled: its link no longer works.")
    String cancelledNotice();

    @Message("The account was removed: its passkeys no longer work and its tokens were revoked.")
    String removedNotice();

    @Message("Invitation link")
    String invitedTitle();

    @Message("Send this link privately (it is shown only now) to")
    String invitedLead();

    @Message("Invitations and passkeys")
    String consoleLink();
}
