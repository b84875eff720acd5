/** Pure W3C Verifiable Credentials 2.0 secured with Data Integrity eddsa-jcs-2022 (java.*, Bouncy Castle, dsse JCS). */
package org.undersigned.attestations.vc;
