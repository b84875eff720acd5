package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the organisers' console (dashboard, bulk invalidation, audit trail, tokens), English here; other
 * languages in {@code src/main/resources/messages/console_<tag>.properties}. Templates use them as
 * {@code {console:key}}.
 */
@MessageBundle(value = "console", locale = "en")
public interface ConsoleMessages {

    @Message("Console")
    String nav();

    @Message("Dashboard")
    String dashboard();

    @Message("Dashboard: {title}")
    String dashboardTitle(String title);

    @Message("All letters")
    String allLetters();

    @Message("Verified count")
    String countHeading();

    @Message("{total} verified signatures")
    String countTotal(long total);

    @Message("Evidence level")
    String level();

    @Message("Signatures")
    String signatures();

    @Message("Sign-ups and confirmations, last 24 hours")
    String timelineHeading();

    @Message("Window (UTC)")
    String window();

    @Message("Sign-ups")
    String signups();

    @Message("Confirmations")
    String confirmations();

    @Message("No sign-up in the last 24 hours.")
    String timelineEmpty();

    @Message("Waiting for a decision")
    String queueHeading();

    @Message("{held} held, {disputes} disputed")
    String queueCounts(int held, int disputes);

    @Message("Review them")
    String queueReview();

    @Message("Counted signatures: attest an affiliation or an honour")
    String signaturesLink();

    @Message("Signers' comments")
    String commentsLink();

    @Message("Fraud signals")
    String signalsHeading();

    @Message("A signal is a reason to look, not proof: preview what an invalidation would cover before running it.")
    String signalsLead();

    @Message("No burst in the last 24 hours.")
    String signalsNone();

    @Message("What")
    String signalWhat();

    @Message("Count")
    String signalCount();

    @Message("Usually")
    String signalUsual();

    @Message("sign-ups from one network")
    String signalSignupsNetwork();

    @Message("confirmations from one network")
    String signalConfirmationsNetwork();

    @Message("sign-ups from one email domain")
    String signalSignupsDomain();

    @Message("confirmations from one email domain")
    String signalConfirmationsDomain();

    @Message("sign-ups with near-identical names")
    String signalSignupsName();

    @Message("confirmations with near-identical names")
    String signalConfirmationsName();

    @Message("Preview an invalidation")
    String signalPreview();

    @Message("Recent organiser actions")
    String actionsHeading();

    @Message("No action yet.")
    String actionsNone();

    @Message("When (UTC)")
    String when();

    @Message("Who")
    String actor();

    @Message("Action")
    String action();

    @Message("Letter")
    String letter();

    @Message("Details")
    String detail();

    @Message("The whole audit trail")
    String auditLink();

    @Message("Invalidate signatures in bulk")
    String bulkLink();

    // bulk invalidation

    @Message("Invalidate in bulk: {title}")
    String bulkTitle(String title);

    @Message("Counted signatures matching every filter you fill in are invalidated, each with the reason code in the"
            + " public log. You always see how many and a sample first.")
    String bulkLead();

    @Message("Email domain")
    String bulkDomain();

    @Message("(e.g. example.org; subdomains too)")
    String bulkDomainHint();

    @Message("Confirmed from (UTC)")
    String bulkFrom();

    @Message("Confirmed before (UTC)")
    String bulkTo();

    @Message("Client network")
    String bulkNetwork();

    @Message("(an IPv4 or IPv6 address; its network is matched)")
    String bulkNetworkHint();

    @Message("Network tag")
    String bulkNetworkTag();

    @Message("Name tag")
    String bulkNameTag();

    @Message("(as a fraud signal shows it)")
    String bulkTagHint();

    @Message("Reason code")
    String bulkReason();

    @Message("(goes into the public log, e.g. spam or fraud)")
    String bulkReasonHint();

    @Message("Preview")
    String bulkPreviewButton();

    @Message("Preview: {count} signatures would be invalidated")
    String bulkPreviewTitle(int count);

    @Message("Nothing matches these filters: nothing would be invalidated.")
    String bulkNothing();

    @Message("Among them")
    String bulkSample();

    @Message("Reason code in the log:")
    String bulkReasonShown();

    @Message("Invalidate these {count} signatures")
    String bulkRunButton(int count);

    @Message("Change the filters")
    String bulkChange();

    @Message("The matching signatures changed since the preview: here is the new preview. Nothing was invalidated.")
    String bulkChanged();

    @Message("{count} signatures invalidated; each is in the public log with its reason code.")
    String bulkDone(int count);

    @Message("Please check the marked fields.")
    String formCheck();

    @Message("A reason code is 2 to 40 of a-z, 0-9 and '-', e.g. spam or fraud.")
    String errorReason();

    @Message("Give a domain name such as example.org.")
    String errorDomain();

    @Message("Give an IPv4 or IPv6 address.")
    String errorNetwork();

    @Message("Give the tag as the fraud signals show it: 32 hexadecimal digits.")
    String errorTag();

    @Message("Fill in at least one filter: a bulk invalidation never covers a whole letter.")
    String errorFilter();

    @Message("Give a date and time such as 2026-04-04T14:00.")
    String errorTime();
}
