package org.undersigned.transparency.merkle;

/** A proof that does not verify, whether malformed or simply wrong; the message says which check failed. */
public class InvalidProofException extends Exception {

    public InvalidProofException(String message) {
        super(message);
    }
}
