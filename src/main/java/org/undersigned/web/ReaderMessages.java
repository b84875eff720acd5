package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.time.OffsetDateTime;

/**
 * The words of the reading pages (the thread, the comparison of versions, the summary of the thread on the letter
 * page) and of the organisers' page, English here; other languages in
 * {@code src/main/resources/messages/reader_<tag>.properties}. Templates use them as {@code {reader:key}}.
 */
@MessageBundle(value = "reader", locale = "en")
public interface ReaderMessages {

    // the letter page's summary of the thread

    @Message("Responses and rebuttals")
    String threadHeading();

    @Message("No response has been published yet.")
    String threadNoneYet();

    @Message("1 entry")
    String entryOne();

    @Message("{count} entries")
    String entries(int count);

    @Message("1 claim not answered yet")
    String unansweredOne();

    @Message("{count} claims not answered yet")
    String unanswered(long count);

    @Message("Read the thread, claim by claim")
    String readThread();

    @Message("Atom feed")
    String atomFeed();

    @Message("verified signature count")
    String badgeAlt();

    // the thread page

    @Message("“")
    String openQuote();

    @Message("”")
    String closeQuote();

    @Message("The dispute: {title}")
    String threadTitle(String title);

    @Message("The dispute around this letter")
    String threadH1();

    @Message(
            "Every claim made in the dispute, beside the points that answer it. Summaries are in our words; follow each entry's link for the original.")
    String threadLead();

    @Message("Follow by feed (Atom)")
    String followFeed();

    @Message("as JSON")
    String asJson();

    @Message("Nothing has been published about this letter yet.")
    String threadEmpty();

    @Message("study")
    String kindStudy();

    @Message("response")
    String kindResponse();

    @Message("rebuttal")
    String kindRebuttal();

    @Message("statement")
    String kindStatement();

    @Message("letter-version")
    String kindLetterVersion();

    @Message("Link to this entry")
    String linkToEntry();

    @Message("By")
    String by();

    @Message("Responds to")
    String respondsTo();

    @Message("The original")
    String theOriginal();

    @Message("archived copy")
    String archivedCopy();

    @Message("retrieved")
    String retrieved();

    @Message("no archived copy recorded")
    String noArchivedCopy();

    @Message("corrected ({count} revisions, the earlier ones are kept)")
    String corrected(int count);

    @Message("Retracted on")
    String retractedOn();

    @Message("Point by point")
    String pointByPoint();

    @Message("On the claim")
    String onTheClaim();

    @Message("Claims made here")
    String claimsMadeHere();

    @Message("Link to this claim")
    String linkToClaim();

    @Message("No answer yet.")
    String noAnswerYet();

    @Message("Answered in")
    String answeredIn();

    // the comparison of two versions

    @Message("Changes to {title}")
    String diffTitle(String title);

    @Message("Changes from version {from} to version {to}")
    String diffHeading(int from, int to);

    @Message("{added} words added, {removed} words removed.")
    String wordsChanged(int added, int removed);

    @Message("Added text is")
    String addedTextIs();

    @Message("underlined")
    String underlined();

    @Message("removed text is")
    String removedTextIs();

    @Message("struck through")
    String struckThrough();

    @Message("Differences between the two versions")
    String diffRegion();

    @Message("Read version {version}")
    String readVersion(int version);

    // the organisers' page

    @Message("Organisers")
    String organisersTitle();

    @Message("Moderation")
    String moderation();

    @Message("Signed in as")
    String signedInAs();

    @Message("(admin)")
    String adminMark();

    @Message("Sign out")
    String signOut();

    @Message("{count} held")
    String heldCount(int count);

    @Message(
            "1 sign-up could not be confirmed: the confirmation mail was refused until the last retry (latest sign-up {latest}). The signers can ask for a new link on the letter page (“no confirmation mail came?”).")
    String undeliveredOne(OffsetDateTime latest);

    @Message(
            "{count} sign-ups could not be confirmed: the confirmation mail was refused until the last retry (latest sign-up {latest}). The signers can ask for a new link on the letter page (“no confirmation mail came?”).")
    String undelivered(long count, OffsetDateTime latest);

    @Message("No signature is waiting.")
    String noneWaiting();

    @Message("— matches")
    String matches();

    @Message("confirmed")
    String confirmed();

    @Message("Release")
    String release();

    @Message("Reject as impersonation")
    String rejectImpersonation();

    @Message("{count} disputed")
    String disputedCount(int count);

    @Message("No dispute is open.")
    String noDispute();

    @Message("— disputed by")
    String disputedBy();

    @Message("unnamed")
    String unnamed();

    @Message("The signer answered ({date}):")
    String signerAnswered(OffsetDateTime date);

    @Message("No answer from the signer yet.")
    String noSignerAnswer();

    @Message("Uphold: withdraw as disowned")
    String uphold();

    @Message("Dismiss")
    String dismiss();

    // when a page is not found

    @Message("There is no published letter called '{slug}'.")
    String noLetter(String slug);

    @Message("Letter '{slug}' has no snapshot of its public signatories yet: one is made within minutes of its first"
            + " counted signature, and again within minutes when a signer erases their data.")
    String noSnapshot(String slug);

    @Message("There is no snapshot at checkpoint {size} (a newer one replaces it, and an erasure removes it); the"
            + " current one is at checkpoint {current}.")
    String otherSnapshot(long size, long current);

    @Message("Letter '{title}' has no version {number}. It has versions 1 to {latest}.")
    String noVersion(String title, String number, int latest);

    @Message("'{range}' is not a pair of versions.")
    String notAPair(String range);

    @Message("Letter '{title}' has versions 1 to {latest} only.")
    String onlyVersions(String title, int latest);

    @Message("Compare two versions with /letters/{slug}/diff/1..{latest}.")
    String compareHow(String slug, int latest);
}
