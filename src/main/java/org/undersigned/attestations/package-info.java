/** Signed statements (in-toto in DSSE, Ed25519) of what was verified about a signature, and their public key. */
package org.undersigned.attestations;
