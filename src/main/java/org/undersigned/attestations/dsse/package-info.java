/** Pure DSSE v1 envelopes signed with Ed25519 and the in-toto v1 statements they carry (java.* and Bouncy Castle). */
package org.undersigned.attestations.dsse;
