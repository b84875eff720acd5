package org.undersigned.demo;

import java.util.List;
import org.undersigned.signatures.SignRequest;
import org.undersigned.verification.Organisations.Organisation;

/**
 * Who the sample signers are and what each does, the same for every run so that a fresh database looks the same: made-up
 * names (obviously so), addresses at {@code demo.example} or at a listed organisation's own domain (which proves the
 * affiliation), and a mix of what happens to signatures: private listings, withdrawals, organisers' attestations,
 * re-affirmations after a material change.
 */
final class DemoPlan {

    static final String DOMAIN = "demo.example";

    private static final List<String> GIVEN = List.of(
            "Ada", "Bruno", "Chiara", "Dmitri", "Esi", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kofi", "Lena",
            "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Ximena",
            "Yusuf", "Zofia");
    private static final List<String> FAMILY = List.of(
            "Example",
            "Sample",
            "Placeholder",
            "Specimen",
            "Fictitious",
            "Imaginary",
            "Pretend",
            "Madeup",
            "Notreal",
            "Demo");
    private static final String FREE_TEXT = "Example Institute of Demonstrations";

    /** One sample signer: the form they send and what they do after confirming. */
    record Signer(
            SignRequest request, boolean olderVersion, boolean reaffirms, boolean withdraws, Organisation attest) {}

    private DemoPlan() {}

    /**
     * The {@code i}-th signer: by a cycle of twenty, six give no organisation, seven a listed one at its own domain
     * (one of them then attested by an organiser), five a listed one at {@code demo.example}, one free text; a sixth of
     * them are private, and so are the attested ones (a listed signer's commitment in the log covers the evidence level
     * it was confirmed with, which an attestation raises, so the verifiers could no longer match that listing); one in
     * 23 withdraws; with {@code reaffirmable}, one in four signed the version before the
     * material change and two of three of those re-affirm.
     */
    static Signer signer(int i, List<Organisation> organisations, boolean reaffirmable) {
        int slot = i % 20;
        Organisation org = organisations.isEmpty() ? null : organisations.get(i % organisations.size());
        String organisation = null;
        String domain = DOMAIN;
        if (org != null && (slot >= 6 && slot <= 10 || slot == 15)) {
            organisation = org.name();
            domain = org.domains().get(0);
        } else if (org != null && (slot >= 11 && slot <= 13 || slot >= 18)) {
            organisation = org.name();
        } else if (slot == 14) {
            organisation = FREE_TEXT;
        }
        String name = GIVEN.get(i % GIVEN.size()) + " " + FAMILY.get((i / GIVEN.size()) % FAMILY.size());
        SignRequest request = new SignRequest(
                name,
                String.format("demo-signer-%04d@%s", i, domain),
                organisation,
                organisation != null && slot % 3 == 0 ? "Research scientist" : null,
                i % 6 == 5 || slot == 15 ? "private" : "public",
                i % 10 == 0 ? "Signed for the demo: every name here is made up." : null,
                i % 3 == 0);
        boolean older = reaffirmable && i % 4 == 1;
        return new Signer(
                request, older, older && (i / 4) % 3 != 2, i % 23 == 22, slot == 15 && org != null ? org : null);
    }

    /** A sign-up in a name that could pass for a watched person's: the impersonation guard holds it. */
    static SignRequest impersonation(int k, String name) {
        return new SignRequest(name, String.format("demo-held-%02d@%s", k, DOMAIN), null, null, "public", null, false);
    }

    /** The client network a sample sign-up says it came from: documentation ranges (RFC 5737), never a real one. */
    static String network(int i) {
        String[] ranges = {"192.0.2.", "198.51.100.", "203.0.113."};
        return ranges[i % 3] + (1 + (i / 3) % 254);
    }
}
