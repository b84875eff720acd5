package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the verify page's script ({@code /js/verify.js}) writes about the entries, the root, the count, the thread and
 * the verdict, English here; other languages in {@code src/main/resources/messages/verifycount_<tag>.properties}.
 * Handed to the script like {@link VerifyLogMessages}.
 */
@MessageBundle(value = "verifycount", locale = "en")
public interface VerifyCountMessages {

    // entries and root

    @Message("{path} ends in the middle of a length")
    String endsInLength(String path);

    @Message("{path} ends in the middle of an entry")
    String endsInEntry(String path);

    @Message("{path} holds {got} entries instead of {width}")
    String wrongBundleSize(String path, String got, String width);

    @Message("downloaded {n} of {total} bundles")
    String downloaded(String n, String total);

    @Message("{size} entries downloaded in 1 bundle.")
    String entriesOkOne(String size);

    @Message("{size} entries downloaded in {bundles} bundles.")
    String entriesOk(String size, String bundles);

    @Message(
            "the entries hash to {got}, not to the signed root {root}: the entries are not the ones the checkpoint commits to")
    String rootMismatch(String got, String root);

    @Message("The entries hash to the signed root {root}.")
    String rootOk(String root);

    // asking witnesses

    @Message("the witness at {url} could not be asked ({error})")
    String notAsked(String url, String error);

    @Message("the witness at {url} answered HTTP {status}")
    String witnessHttp(String url, String status);

    @Message("the checkpoint the witness at {url} gave carries no cosignature by any of your witness keys")
    String noCosignature(String url);

    @Message("FORK: {witness} cosigned tree size {size}, but this site's latest checkpoint has {latest} entries")
    String forkAhead(String witness, String size, String latest);

    @Message(
            "FORK: {witness} cosigned tree size {size} with root {root}, but this site's first {size} entries hash to another root: the site shows another history than it showed the witness")
    String forkRoot(String witness, String size, String root);

    @Message("{witness} at tree size {size}")
    String seenAt(String witness, String size);

    @Message("What the witnesses last cosigned is part of this log: {seen}.")
    String askedOk(String seen);

    // the count

    @Message("entry {i} is not JSON")
    String entryNotJson(String i);

    @Message("entry {i} is not a version 1 entry about this letter")
    String entryNotV1(String i);

    @Message(
            "the log holds {logged} key rotations, the site lists {listed}, and they are not the same statements at the same entries")
    String rotationsDiffer(String logged, String listed);

    @Message("the checkpoint is not signed by the key in effect at its size (the log rotated {count} times)")
    String wrongSigner(String count);

    @Message("the entries give {n} live signers at the witnessed checkpoint, but the site published {total} for it")
    String witnessedCountDiffers(String n, String total);

    @Message(
            "1 live signer at the witnessed tree size {size}; the site's count ({total}) is of a newer tree, which the witnesses have not cosigned yet.")
    String newerOne(String size, String total);

    @Message(
            "{n} live signers at the witnessed tree size {size}; the site's count ({total}) is of a newer tree, which the witnesses have not cosigned yet.")
    String newer(String n, String size, String total);

    @Message("The site's count was at tree size {was}, not {size}; fetched it again. ")
    String refetched(String was, String size);

    @Message("It is now at tree size {now}: reload this page to verify the newer checkpoint.")
    String stillOther(String now);

    @Message("the site counted a different tree of the same size (root {root})")
    String otherTree(String root);

    @Message("the entries give {n} live signers, but the site shows {total}")
    String countDiffers(String n, String total);

    @Message("1 live signer after replaying {entries} entries, the same as the site shows.")
    String countOkOne(String entries);

    @Message("{n} live signers after replaying {entries} entries, the same as the site shows.")
    String countOk(String n, String entries);

    // the thread

    @Message("revision {revision} of '{entry}' (SHA-256 {sha})")
    String missingRevision(String revision, String entry, String sha);

    @Message("the retraction of '{entry}'")
    String missingRetraction(String entry);

    @Message("not in the log at tree size {size}: {missing} (if the thread changed while this ran, reload the page)")
    String threadMissing(String size, String missing);

    @Message("1 revision")
    String revisionOne();

    @Message("{n} revisions")
    String revisions(String n);

    @Message("1 retraction")
    String retractionOne();

    @Message("{n} retractions")
    String retractions(String n);

    @Message(
            "{revisions} and {retractions} of the thread are in the log; the current revisions' SHA-256 recomputed from the thread.")
    String threadOk(String revisions, String retractions);

    // the verdict

    @Message("There is no checkpoint yet: nothing has been logged.")
    String noCheckpoint();

    @Message("the log is empty")
    String logEmpty();

    @Message("the log is empty, but the site shows {total} signatures")
    String emptyButCount(String total);

    @Message("The site shows no signatures either.")
    String siteShowsNone();

    @Message("No signatures have been logged yet.")
    String noneLogged();

    @Message("No signatures have been logged yet: the log's signed checkpoint says so.")
    String noneLoggedSigned();

    @Message("1 signature")
    String signatureOne();

    @Message("{n} signatures")
    String signatures(String n);

    @Message("Verified: {signatures} at tree size {size}, checkpoint signed by {origin} (key {key}).")
    String verified(String signatures, String size, String origin, String key);

    @Message(
            "Verified: {signatures} at tree size {size}, checkpoint signed by {origin} (key {key}) and cosigned by {quorum} or more of your witnesses.")
    String verifiedWitnessed(String signatures, String size, String origin, String key, String quorum);

    @Message("unexpected error: {error}")
    String unexpected(String error);

    @Message("not checked after the failure")
    String notChecked();

    @Message("Verification FAILED at step {step} ({name}): {message}")
    String failedAt(String step, String name, String message);
}
