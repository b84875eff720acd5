package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the console's audit trail and token pages, English here; other languages in
 * {@code src/main/resources/messages/admin_<tag>.properties}. Templates use them as {@code {admin:key}}.
 */
@MessageBundle(value = "admin", locale = "en")
public interface AdminMessages {

    @Message("Audit trail")
    String auditTitle();

    @Message("Every organiser and admin action, newest first.")
    String auditLead();

    @Message("Filter")
    String filter();

    @Message("Who")
    String actor();

    @Message("Action")
    String action();

    @Message("Letter")
    String letter();

    @Message("From (UTC)")
    String from();

    @Message("Before (UTC)")
    String to();

    @Message("Show")
    String show();

    @Message("Nothing matches.")
    String none();

    @Message("Older")
    String older();

    @Message("Tokens")
    String tokensTitle();

    @Message("Tokens in force: each lets its holder act as organiser or admin until it expires or is revoked.")
    String tokensLead();

    @Message("Token id")
    String tokenId();

    @Message("For")
    String subject();

    @Message("Role")
    String role();

    @Message("Letters")
    String letters();

    @Message("Minted (UTC)")
    String minted();

    @Message("Expires (UTC)")
    String expires();

    @Message("revoked")
    String revoked();

    @Message("Revoke")
    String revoke();

    @Message("No token is in force.")
    String tokensNone();

    @Message("Mint a token")
    String mintHeading();

    @Message("(who or what it is for, e.g. bot:deploy)")
    String subjectHint();

    @Message("organiser")
    String roleOrganiser();

    @Message("admin")
    String roleAdmin();

    @Message("(slugs, comma-separated; for organisers)")
    String lettersHint();

    @Message("Lifetime")
    String lifetime();

    @Message("(ISO-8601, e.g. PT8H or P30D; at most 90 days)")
    String lifetimeHint();

    @Message("Mint")
    String mint();

    @Message("The new token")
    String mintedTitle();

    @Message("Copy it now: it is shown only once. Its id, to revoke it by, is")
    String mintedLead();

    @Message("Token {id} revoked: it stops working at once, on every replica.")
    String revokedNotice(String id);

    @Message("Please check the marked fields.")
    String formCheck();

    @Message("Name who the token is for: 1 to 100 of A-Z, a-z, 0-9, ':._@-'.")
    String errorSubject();

    @Message("Give an ISO-8601 duration between a second and 90 days, such as PT8H or P30D.")
    String errorLifetime();

    @Message("Name letters by their slugs, such as sample-letter.")
    String errorLetters();
}
