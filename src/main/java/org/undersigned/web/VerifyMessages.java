package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the page that verifies a letter's count ({@code /letters/<slug>/verify}), English here; other
 * languages in {@code src/main/resources/messages/verify_<tag>.properties}. Templates use them as {@code {verify:key}}.
 */
@MessageBundle(value = "verify", locale = "en")
public interface VerifyMessages {

    // the page's head

    @Message("Verify the count yourself")
    String h1();

    @Message(
            "Every signature, withdrawal and re-affirmation of this letter is an entry in a public, append-only log. This page downloads that log and counts the signatures again,")
    String lead1();

    @Message("in your browser")
    String lead2();

    @Message(
            ", with your browser's own cryptography and only public data. You do not have to trust this site's count, nor its code: the checks below are short and their source is")
    String lead3();

    // what is checked

    @Message("What is checked")
    String checksHeading();

    @Message("The log's public key.")
    String keyTitle();

    @Message(
            "The site publishes the verifier key each letter's log began with. Its name is the log's origin, and its key ID must be derived from that name and the key (C2SP signed note). If the log's key was rotated since, each rotation statement must be signed by the old key and the new one, and be an entry of the log.")
    String keyText();

    @Message("The checkpoint's signature.")
    String signatureTitle();

    @Message(
            "The latest checkpoint states how many entries the log has and the Merkle root hash that sums them all up. Its Ed25519 signature is checked with that key.")
    String signatureText();

    @Message("The entries.")
    String entriesTitle();

    @Message("Every entry is downloaded, in bundles of 256 (C2SP tlog-tiles).")
    String entriesText();

    @Message("The Merkle root.")
    String rootTitle();

    @Message(
            "The root is computed again from the entries (RFC 9162) and compared with the signed one. Adding, removing, changing or reordering any entry would change it.")
    String rootText();

    @Message("The count.")
    String countTitle();

    @Message(
            "The entries are replayed in order: a signature or re-affirmation makes a signer count, a withdrawal or invalidation stops it. The result is compared with the count this site shows.")
    String countText();

    @Message("The thread's revisions.")
    String threadTitle();

    @Message(
            "Every revision and retraction of the letter's thread that this site shows must be an entry of the log, and the current revisions' SHA-256 is computed again from the thread.")
    String threadText();

    // the result, written by the script

    @Message("Result")
    String resultHeading();

    @Message(
            "Your browser is not running the check: JavaScript is off or blocked. You can still check everything yourself from the raw data below, or with the offline verifier.")
    String noScript();

    // the public data

    @Message("The public data")
    String dataHeading();

    @Message("Log origin (also the name of its signing key)")
    String originTerm();

    @Message("Verifier keys")
    String keysTerm();

    @Message("one line per log: name+key ID+public key")
    String keysNote();

    @Message("Latest checkpoint")
    String checkpointTerm();

    @Message("a signed note: origin, tree size and root hash, then the signature")
    String checkpointNote();

    @Message("Entries")
    String entriesTerm();

    @Message("bundle N holds entries 256·N to 256·N+255; the last one may be partial")
    String entriesNote();

    @Message("The count this site shows")
    String countTerm();

    // witnesses

    @Message("Check with witnesses")
    String witnessHeading();

    @Message(
            "Independent witnesses (a newspaper, a university) cosign this log's checkpoints only when it extends the history they saw before, so a host cannot show two histories. Give the witness keys you got")
    String witness1();

    @Message("from the witnesses themselves")
    String witness2();

    @Message(", never from this site, and the page checks the latest checkpoint they cosigned")
    String witness3();

    @Message("and its cosignatures. The keys travel in this page's address after")
    String witness4();

    @Message(", which browsers do not send to the site:")
    String witness5();

    @Message(". Give a witness's address as well")
    String witness6();

    @Message(
            "and the page asks that witness directly for the latest checkpoint it cosigned, which must be part of the history this site shows: a site that showed the witnesses another history fails here.")
    String witness7();

    @Message(
            "A page served by this site cannot defend against this site: it could send you a different script. To check the host itself, run the offline verifier below with")
    String hostNotice1();

    @Message("and")
    String and();

    @Message("Witness keys, one per line")
    String witnessKeys();

    @Message("Witness addresses to ask directly (optional), one per line")
    String witnessUrls();

    @Message("How many must have cosigned")
    String quorum();

    @Message("Verify with these witnesses")
    String verifyWithWitnesses();

    // offline

    @Message("Check without a browser")
    String offlineHeading();

    @Message("The same checks run offline with the single-file verifier from Undersigned's source code,")
    String offline1();

    @Message(", which needs only Java:")
    String offline2();

    @Message("With witness keys (repeat")
    String offlineWitness1();

    @Message(", by default all of them):")
    String offlineWitness2();

    @Message("Here")
    String publicUrlHere();

    @Message("is this site's address, whose host starts the log origin above.")
    String publicUrlIs();
}
