package org.undersigned.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the verify page's script ({@code /js/verify.js}) writes about the steps, the log's key, its checkpoint and
 * the witnesses, English here; other languages in {@code src/main/resources/messages/verifylog_<tag>.properties}.
 * The page hands them to the script as JSON ({@link ScriptWords}) with every parameter left as {@code {name}} for the
 * script to fill in, so all are Strings. The rest of its words are in {@link VerifyCountMessages}.
 */
@MessageBundle(value = "verifylog", locale = "en")
public interface VerifyLogMessages {

    // the steps and their states

    @Message("The log's public key")
    String stepKey();

    @Message("The checkpoint's signature")
    String stepSignature();

    @Message("The witnesses' cosignatures")
    String stepWitnesses();

    @Message("The entries")
    String stepEntries();

    @Message("The Merkle root")
    String stepRoot();

    @Message("The witnesses' own view")
    String stepAsked();

    @Message("The count")
    String stepCount();

    @Message("The thread's revisions")
    String stepThread();

    @Message("OK")
    String ok();

    @Message("FAIL")
    String fail();

    @Message("skipped")
    String skipped();

    @Message("waiting")
    String waiting();

    @Message("Checking…")
    String checking();

    // what a failure names

    @Message("the public key")
    String thePublicKey();

    @Message("a signature")
    String aSignature();

    @Message("the root hash")
    String theRootHash();

    @Message("a witness key")
    String aWitnessKey();

    @Message("the site's root hash")
    String theSitesRootHash();

    @Message("the checkpoint")
    String theCheckpoint();

    @Message("the latest checkpoint")
    String theLatestCheckpoint();

    @Message("the checkpoint the witness at {url} gave")
    String theWitnessCheckpoint(String url);

    // fetching

    @Message("{what} is not valid base64")
    String notBase64(String what);

    @Message("{path} could not be fetched ({error})")
    String notFetched(String path, String error);

    @Message("{path} answered HTTP {status}")
    String answeredHttp(String path, String status);

    // the key

    @Message("no key named {origin} is published")
    String noKey(String origin);

    @Message("Key {id} of {origin}: its ID is derived from its name and public key.")
    String keyOk(String id, String origin);

    @Message(" The log's key rotated to {keys}, each by a statement signed by the old key and the new one.")
    String keyRotated(String keys);

    @Message(", then ")
    String thenKey();

    @Message("the key {key} is not named {origin}")
    String keyNotNamed(String key, String origin);

    @Message("the key ID of {origin} is not 8 hex digits")
    String keyIdNotHex(String origin);

    @Message("the key is not an Ed25519 key (signature type 0x01 and 32 bytes)")
    String notEd25519();

    @Message("the published key ID {id} is not the one derived from the name and key ({derived})")
    String keyIdNotDerived(String id, String derived);

    @Message("a key rotation the site lists is not a rotation statement")
    String notRotation();

    @Message("a key rotation the site lists does not rotate the log's key {id}")
    String rotationNotOfKey(String id);

    @Message("the rotation of the log's key from {from} to {to} is not signed by both keys")
    String rotationUnsigned(String from, String to);

    @Message("this browser cannot check Ed25519 signatures ({error}); use the offline verifier")
    String noEd25519(String error);

    // the checkpoint

    @Message("no checkpoint of this log has been cosigned by the site's witnesses yet")
    String notWitnessedYet();

    @Message("the checkpoint answered HTTP {status}")
    String checkpointHttp(String status);

    @Message("Tree size {size}, root {root}, signed with key {key}.")
    String signatureOk(String size, String root, String key);

    @Message("{what} is not UTF-8 text")
    String notUtf8(String what);

    @Message("{what} is not a signed note")
    String notNote(String what);

    @Message("{what} is for '{found}', not for {origin}")
    String wrongOrigin(String what, String found, String origin);

    @Message("the tree size line '{line}' is not a decimal number")
    String sizeNotNumber(String line);

    @Message("the root hash is not 32 bytes")
    String rootNot32();

    @Message("malformed signature line '{line}'")
    String badSignatureLine(String line);

    @Message("the Ed25519 signature does not match the text of {what}")
    String signatureMismatch(String what);

    @Message("{what} carries no signature by {origin} with key {key}")
    String noSignature(String what, String origin, String key);

    // witnesses

    @Message("the quorum {quorum} is not between 1 and the {keys} keys given")
    String badQuorum(String quorum, String keys);

    @Message("only {count} of the required {quorum} witnesses cosigned this checkpoint")
    String tooFewWitnesses(String count, String quorum);

    @Message("Cosigned by {count} of the {keys} witnesses you gave ({names}), quorum {quorum}.")
    String witnessesOk(String count, String keys, String names, String quorum);

    @Message("'{key}' is not a witness key (name+key ID+base64 of 0x04 and 32 bytes)")
    String notWitnessKey(String key);

    @Message("the key ID of witness {name} is not derived from its name and key")
    String witnessKeyId(String name);
}
