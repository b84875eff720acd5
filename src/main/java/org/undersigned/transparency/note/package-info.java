/** Pure C2SP signed-note v1.0.0 and tlog-checkpoint v1.0.0: formats, key IDs, Ed25519 signing and verification. */
package org.undersigned.transparency.note;
