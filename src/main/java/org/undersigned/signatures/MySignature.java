package org.undersigned.signatures;

/**
 * A signature as its signer sees it when signed in with a passkey (SignerSignatures).
 *
 * @param status counted, held (waiting for an organiser), withdrawn or pending
 * @param news whether news of responses is mailed; {@code newsPossible} when there is an address to mail it to
 * @param passkeys how many passkeys open it
 */
public record MySignature(
        String letterSlug,
        String letterTitle,
        String name,
        String listing,
        String status,
        boolean erased,
        boolean news,
        boolean newsPossible,
        int passkeys) {

    public boolean live() {
        return !status.equals("withdrawn");
    }
}
