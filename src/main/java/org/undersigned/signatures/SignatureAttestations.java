package org.undersigned.signatures;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.undersigned.attestations.Attestations;
import org.undersigned.letters.SigningTarget;
import org.undersigned.transparency.LogKeys;
import org.undersigned.verification.IdentityMethod;

/**
 * Turns what was verified about a signature into attestations about its log entry. Attestations are public: they
 * carry the email domain but never the address, and the name and iD only of publicly listed signers.
 */
@ApplicationScoped
class SignatureAttestations {

    private final Attestations attestations;
    private final LogKeys keys;

    SignatureAttestations(Attestations attestations, LogKeys keys) {
        this.attestations = attestations;
        this.keys = keys;
    }

    /** On erasure: the statements name the signer (public ones) and their affiliation, so they go too. */
    void forget(Signature s) {
        attestations.forget(s.id.toString());
    }

    /** On publication: the identity (email or ORCID) and the affiliation evidence it brought. */
    void published(Signature s, SigningTarget letter) {
        Map<String, Object> p = facts(s, letter);
        if (s.identityMethod == IdentityMethod.ORCID) {
            p.put("method", "OpenID Connect sign-in with ORCID");
            if (s.isPublic()) {
                p.put("orcid", s.orcid);
            }
            issue(s, letter, Attestations.ORCID, p);
        } else {
            p.put("method", "a single-use link mailed to the address was followed and confirmed");
            p.put("emailDomain", s.email.substring(s.email.indexOf('@') + 1));
            issue(s, letter, Attestations.EMAIL, p);
        }
    }

    /** An ORCID iD added to an email signature by a link mailed to its address after a sign-in with that iD. */
    void orcidAttached(Signature s, SigningTarget letter) {
        Map<String, Object> p = facts(s, letter);
        p.put("method", "OpenID Connect sign-in with ORCID, then a single-use link mailed to the address was followed");
        if (s.isPublic()) {
            p.put("orcid", s.orcid);
        }
        issue(s, letter, Attestations.ORCID, p);
    }

    /** A mailbox added to an ORCID signature by a single-use link mailed to it and followed. */
    void emailAttached(Signature s, SigningTarget letter, String address) {
        Map<String, Object> p = facts(s, letter);
        p.put("method", "a single-use link mailed to the address was followed, after a sign-in with ORCID");
        p.put("emailDomain", address.substring(address.indexOf('@') + 1));
        issue(s, letter, Attestations.EMAIL, p);
    }

    /** An ORCID employment record read from the signer's ORCID record, by who wrote it. */
    void employment(Signature s, SigningTarget letter, String organisation, String level, String source) {
        Map<String, Object> p = facts(s, letter);
        p.put("organisation", organisation);
        p.put("level", level);
        p.put("source", source);
        p.put("method", "public employments read from the ORCID API");
        issue(s, letter, Attestations.ORCID_EMPLOYMENT, p);
    }

    /** An organiser's attestation of an honour or an affiliation. */
    void organiser(Signature s, SigningTarget letter, String fact, Map<String, Object> what, String by) {
        Map<String, Object> p = facts(s, letter);
        p.put("fact", fact);
        p.putAll(what);
        p.put("attestedBy", by);
        p.put("method", "attested by an organiser of the letter");
        issue(s, letter, Attestations.ORGANISER, p);
    }

    private static Map<String, Object> facts(Signature s, SigningTarget letter) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("letter", letter.slug());
        p.put("signature", s.id.toString());
        p.put("identity", s.identityMethod.wire());
        p.put("affiliationLevel", s.affiliationLevel.wire());
        if (s.isPublic()) {
            p.put("name", s.name);
            if (s.organisation != null) {
                p.put("organisation", s.organisation);
            }
        }
        return p;
    }

    private void issue(Signature s, SigningTarget letter, String type, Map<String, Object> predicate) {
        attestations.issue(s.id.toString(), keys.origin(letter.slug()), s.leafHash, type, predicate);
    }
}
