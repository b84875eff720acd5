package org.undersigned.signatures;

/** What a mailed link leads to, for its page. */
public record LinkView(
        Tokens.State state,
        String letterSlug,
        String letterTitle,
        String name,
        String listing,
        Integer version,
        boolean held) {

    public boolean valid() {
        return state == Tokens.State.VALID;
    }

    public boolean expired() {
        return state == Tokens.State.EXPIRED;
    }

    public boolean used() {
        return state == Tokens.State.USED;
    }
}
