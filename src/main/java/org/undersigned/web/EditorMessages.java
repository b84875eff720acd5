package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the console's thread editor (the list of entries, the entry form, retraction), English here; other
 * languages in {@code src/main/resources/messages/editor_<tag>.properties}. Templates use them as {@code {editor:key}}.
 */
@MessageBundle(value = "editor", locale = "en")
public interface EditorMessages {

    @Message("Thread")
    String thread();

    /** For the dashboard's link to the editor. */
    @Message("Write and correct the thread")
    String consoleLink();

    @Message("Thread: {title}")
    String listTitle(String title);

    @Message("Every entry of the letter's thread: company responses, your rebuttals and other statements, as readers"
            + " see them on the public thread page.")
    String listLead();

    @Message("Write a new entry")
    String newEntry();

    @Message("The public thread page")
    String publicPage();

    @Message("The thread has no entry yet.")
    String empty();

    @Message("Entry")
    String colEntry();

    @Message("Kind")
    String colKind();

    @Message("Status")
    String colStatus();

    @Message("Actions")
    String colActions();

    @Message("revision {n}")
    String statusCurrent(int n);

    @Message("revision {n}, retracted")
    String statusRetracted(int n);

    @Message("Correct")
    String correct();

    @Message("Retract")
    String retract();

    @Message("The entry {id} is published.")
    String publishedNotice(String id);

    @Message("The correction of {id} is published as revision {n}.")
    String correctedNotice(String id, int n);

    @Message("The entry {id} is retracted: it stays on the thread page, marked retracted with your reason.")
    String retractedNotice(String id);

    @Message("Study")
    String kindStudy();

    @Message("Company response")
    String kindResponse();

    @Message("Rebuttal")
    String kindRebuttal();

    @Message("Statement")
    String kindStatement();

    @Message("Letter version")
    String kindLetterVersion();

    @Message("New thread entry")
    String newTitle();

    @Message("Correct: {title}")
    String correctTitle(String title);

    @Message("Nothing is published until you press Publish; Preview shows the entry as readers will see it.")
    String formLead();

    @Message("A correction is a new revision: readers see it, and the earlier revisions stay on the record.")
    String correctLead();

    @Message("Id")
    String fieldId();

    @Message("(a-z, 0-9 and '-'; the entry's anchor on the thread page; left empty, it is made from the title)")
    String hintId();

    @Message("Title")
    String fieldTitle();

    @Message("Organisation")
    String fieldOrganisation();

    @Message("(for a company's response: the company)")
    String hintOrganisation();

    @Message("Author")
    String fieldAuthor();

    @Message("(optional)")
    String hintOptional();

    @Message("Date published")
    String fieldDate();

    @Message("Address of the original")
    String fieldUrl();

    @Message("(http or https; optional)")
    String hintUrl();

    @Message("Archived copy (SHA-256)")
    String fieldArchived();

    @Message("(filled in when you archive the original: see below)")
    String hintArchived();

    @Message("Responds to")
    String fieldRespondsTo();

    @Message("the entry whose claims the points answer")
    String respondsToPoints();

    @Message("Text (Markdown)")
    String fieldBody();

    @Message("Claims this entry makes (a company's response)")
    String claimsLegend();

    @Message("Each claim needs an id (a-z, 0-9 and '-', unique in the thread) and its text. Empty rows are ignored.")
    String claimsHint();

    @Message("Claim {n}: id")
    String claimId(int n);

    @Message("Claim {n}: text")
    String claimText(int n);

    @Message("Points answering claims (a rebuttal)")
    String pointsLegend();

    @Message("Pick the claim each point answers and write the answer in Markdown. Empty rows are ignored.")
    String pointsHint();

    @Message("Point {n}: the claim it answers")
    String pointClaim(int n);

    @Message("Point {n}: the answer (Markdown)")
    String pointBody(int n);

    @Message("Choose a claim")
    String pickClaim();

    @Message("Preview")
    String previewButton();

    @Message("Publish")
    String publishButton();

    @Message("Publish the correction")
    String publishCorrection();

    @Message("Back to the thread")
    String back();

    @Message("Keep a copy of the original")
    String archiveHeading();

    @Message("A company may edit or delete its page: the service can fetch the page at the address above now and keep"
            + " it. Its SHA-256 then goes into the entry when you publish.")
    String archiveLead();

    @Message("Archive the page now")
    String archiveButton();

    @Message("The page is archived; its SHA-256 is filled in the form:")
    String archivedNotice();

    @Message("Open the archived copy")
    String archivedLink();

    @Message("Preview")
    String previewHeading();

    @Message("As readers will see it. Nothing is stored yet.")
    String previewLead();

    @Message("On the claim:")
    String previewOnClaim();

    @Message("Revisions")
    String historyHeading();

    @Message("Revision")
    String colRevision();

    @Message("Published (UTC)")
    String colWhen();

    @Message("SHA-256")
    String colSha();

    @Message("Please check the marked fields.")
    String formCheck();

    @Message("Give an id of 1 to 80 of a-z, 0-9 and '-', starting with a letter or a digit.")
    String errorId();

    @Message("The thread already has an entry with this id: choose another, or correct that entry.")
    String errorIdTaken();

    @Message("Choose the kind of entry.")
    String errorKind();

    @Message("Give a title of at most 300 characters.")
    String errorTitle();

    @Message("Give an organisation name of at most 200 characters.")
    String errorOrganisation();

    @Message("Give an author of at most 300 characters.")
    String errorAuthor();

    @Message("Give the date it was published.")
    String errorDate();

    @Message("Give an http or https address.")
    String errorUrl();

    @Message("This letter has no archived copy with that SHA-256: archive the page first.")
    String errorArchived();

    @Message("The page at this address could not be archived: it must be a public http or https page of at most"
            + " 10 MB that answers within 20 seconds.")
    String errorArchive();

    @Message("Every claim needs an id (a-z, 0-9 and '-', not used elsewhere in the thread) and a text.")
    String errorClaims();

    @Message("Every point needs the claim it answers and an answer; all its claims must be one entry's.")
    String errorPoints();

    @Message("Points answer the claims of one earlier entry: choose it under Responds to.")
    String errorRespondsTo();

    @Message("Say in up to 1,000 characters why the entry is retracted.")
    String errorReason();

    @Message("Check the field {field}.")
    String errorField(String field);

    @Message("Retract: {title}")
    String retractTitle(String title);

    @Message("The entry stays on the thread page, marked retracted with your reason, and answers nothing any more."
            + " This cannot be undone.")
    String retractLead();

    @Message("Why it is retracted")
    String fieldReason();

    @Message("(shown to readers; up to 1,000 characters)")
    String hintReason();

    @Message("Retract this entry")
    String retractButton();
}
