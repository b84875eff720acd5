/** Signatures: signing, email confirmation, withdrawal and erasure, re-affirmation, counts and signatory lists. */
package org.undersigned.signatures;
