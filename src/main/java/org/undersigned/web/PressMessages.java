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
}
