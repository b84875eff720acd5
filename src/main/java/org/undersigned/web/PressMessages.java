package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of milestones and the press list (letter page, pages, mails), English here; other languages in
 * {@code src/main/resources/messages/press_<tag>.properties}. Templates use them as {@code {press:key}}.
 */
@MessageBundle(value = "press", locale = "en")
public interface PressMessages {

    // the letter page

    @Message("Milestones")
    String milestonesHeading();

    @Message("{count} verified signatures")
    String passed(long count);

    @Message("reached at checkpoint {size}")
    String atCheckpoint(long size);

    @Message("For the press: a mail at each milestone")
    String question();

    @Message("Get one mail when this letter reaches {first} verified signatures, and at each milestone after.")
    String what(long first);

    @Message("This letter names no milestones yet; you will get a mail when its organisers add some and one is"
            + " reached.")
    String whatNoMilestones();

    @Message("We mail you a link first: only once you follow it are you on the list, and every mail has a link to"
            + " leave it.")
    String optIn();

    @Message("Your email")
    String yourEmail();

    @Message("Join the press list")
    String join();

    // pages

    @Message("Check your mail")
    String askedTitle();

    @Message("If this address can join the press list, a link to confirm it is on its way. You are on the list once"
            + " you follow it. The letter:")
    String askedLead();

    @Message("That address does not work")
    String askedInvalidTitle();

    @Message("Give a plain address such as ann@example.org.")
    String askedInvalid();

    @Message("Confirm: join the press list")
    String confirmTitle();

    @Message("Press the button to get a mail at each milestone of")
    String confirmLead();

    @Message("Join the press list")
    String confirmButton();

    @Message("You are on the press list")
    String joinedTitle();

    @Message("You will get a mail at each milestone of")
    String joined();

    @Message("This link does not work")
    String linkGoneTitle();

    @Message("It was used already, has expired (links last 48 hours) or was not copied completely. Ask again from the"
            + " letter's page.")
    String linkGone();

    @Message("Leave the press list")
    String leaveTitle();

    @Message("Press the button to stop the milestone mails of")
    String leaveLead();

    @Message("Leave the list")
    String leaveButton();

    @Message("You have left the press list")
    String leftTitle();

    @Message("No more milestone mails will come about")
    String left();

    @Message("This address is not on the press list (any more).")
    String notOnList();

    // mails

    @Message("Confirm: milestone mails about \"{title}\"")
    String confirmSubject(String title);

    @Message("Someone, probably you, asked for a mail at each milestone of the letter")
    String confirmAsked();

    @Message("To join the press list, open this link and press the button:")
    String confirmOpen();

    @Message("The link works once, for {hours} hours.")
    String confirmOnce(long hours);

    @Message("If it was not you, ignore this mail: without the link nothing happens, and the address is deleted in a"
            + " week.")
    String confirmIgnore();

    @Message("\"{title}\" has {count} verified signatures")
    String milestoneSubject(String title, String count);

    @Message("{count} verified signatures: a milestone of the letter")
    String milestoneBody(String count);

    @Message("Every signature is in the letter's public log; anyone can check the count:")
    String milestoneVerify();

    @Message("To stop these mails, open:")
    String milestoneLeave();

    @Message("Leave the press list")
    String milestoneLeaveLink();

    @Message("It has reached a milestone:")
    String newsMilestone();

    @Message("{count} verified signatures")
    String milestoneNews(String count);

    // the count history on the letter page

    @Message("How the count grew")
    String historyHeading();

    @Message("Verified signatures at the last checkpoint of each day, up to {highest}.")
    String historyByDay(long highest);

    @Message("Verified signatures at the last checkpoint of each hour, up to {highest}.")
    String historyByHour(long highest);

    @Message("Each point names a checkpoint of the letter's log, so anyone can check it; all points:")
    String historyCheck();

    @Message("The numbers (newest first)")
    String historyTable();

    @Message("Time (UTC)")
    String historyTime();

    @Message("Verified signatures")
    String historyCount();

    @Message("Log size")
    String historySize();

    @Message("Root hash")
    String historyRoot();

    // the snapshot on the letter page

    @Message("These {names} public names as of checkpoint {size}")
    String snapshotNames(long names, long size);

    @Message("JSON Lines")
    String snapshotJsonl();

    @Message("the signed checkpoint")
    String snapshotCheckpoint();

    @Message("exactly the publicly listed signers the log counted at that size; the verifier checks each name"
            + " against its entry.")
    String snapshotCheck();

    // the press page

    @Message("For the press: check what this service says")
    String pressTitle();

    @Message("You need not trust this service. Every count, every point of a count's history and every name can be"
            + " checked against the letter's public log, which only ever grows and whose every state is signed.")
    String pressLead();

    @Message("A letter's count, now")
    String countHeading();

    @Message("With any Java 17 or newer and the file verify/Verify.java from this project's source, run the"
            + " command below. It checks the log's signature, downloads every entry, recomputes the log's root,"
            + " recounts with the count rule and compares with the count this service publishes. It uses nothing"
            + " of this service but its public addresses.")
    String countHow();

    @Message("Or open a letter's verify page: your browser does the same checks and shows each result.")
    String countBrowser();

    @Message("How a count grew")
    String historyHow();

    @Message("Each letter's history lists, for the last checkpoint of each day (or hour), the log's size, its root"
            + " hash and the count at it, so a sentence such as \"at 14:00 UTC on 4 April the log, signed at size S"
            + " with root R, counted N\" can be checked. This command recomputes every point from the log's entries:")
    String historyExplain();

    @Message("Witnesses")
    String witnessHeading();

    @Message("A host could show different readers different logs. Independent witnesses cosign each state they"
            + " saw and refuse a history that forks. Get a witness's key from its operator, never from this service:")
    String witnessHow();

    @Message("Who signed")
    String namesHeading();

    @Message("Each letter's list of public signers can be searched and downloaded as CSV; every listed name is bound"
            + " to its entry in the log, and the verifier checks each. People who chose a private listing are"
            + " counted and named nowhere.")
    String namesHow();

    @Message("Names as of a checkpoint")
    String snapshotHeading();

    @Message(
            "To cite \"these N names\", use a letter's snapshot: the public signers live in the log at one signed"
                    + " checkpoint, as CSV and JSON Lines, with that checkpoint beside them. It is remade at most every ten"
                    + " minutes while the letter changes; when a signer erases their data it is taken down at once and"
                    + " remade without them. This command checks that every name in it is a live signature of the log at that size:")
    String snapshotHow();

    @Message("News")
    String newsHeading();

    @Message("Every letter's versions, responses, rebuttals and milestones in one Atom feed (each letter also has its"
            + " own, and its page offers a press list: a mail at each milestone):")
    String newsHow();

    @Message("The letters")
    String lettersHeading();

    @Message("verify")
    String verifyLink();

    @Message("count history (CSV)")
    String historyLink();

    @Message("signers (CSV)")
    String namesLink();

    @Message("feed")
    String feedLink();

    @Message("names at a checkpoint")
    String snapshotLink();
}
