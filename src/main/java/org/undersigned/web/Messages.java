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
}
