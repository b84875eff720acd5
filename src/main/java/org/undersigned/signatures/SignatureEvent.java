package org.undersigned.signatures;

/**
 * Something about a signature that the audit trail records but signing does not decide (a dispute opened or
 * answered). Fired in the transaction of the change; the organisers feature observes it.
 */
public record SignatureEvent(String action, String letter, String signatureId, String actor, String detail) {}
