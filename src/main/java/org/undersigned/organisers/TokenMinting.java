package org.undersigned.organisers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.undersigned.web.InvalidInput;

/**
 * An admin mints a token (by the API or the console) or revokes one; checked, audited, and listed with whether each
 * still works. Errors name the field: subject, role, lifetime, letters.
 */
@ApplicationScoped
class TokenMinting {

    /** A token in force or revoked, as the console lists it. */
    record Listed(TokenRepository.Row token, boolean revoked) {}

    /** The longest lifetime of a minted token. */
    static final Duration LONGEST = Duration.ofDays(90);

    static final String SUBJECT = "[A-Za-z0-9:._@-]{1,100}";
    static final String SLUG = "[a-z0-9][a-z0-9-]{0,99}";

    private final OrganiserTokens tokens;
    private final TokenRepository registry;
    private final RevocationRepository revocations;
    private final Audit audit;

    TokenMinting(OrganiserTokens tokens, TokenRepository registry, RevocationRepository revocations, Audit audit) {
        this.tokens = tokens;
        this.registry = registry;
        this.revocations = revocations;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    OrganiserTokens.Minted mint(String actor, String subject, String role, List<String> letters, String lifetime) {
        if (subject == null || !subject.matches(SUBJECT)) {
            throw new InvalidInput(Map.of("subject", "Name who the token is for: 1 to 100 of A-Z, a-z, 0-9, ':._@-'."));
        }
        String r = role == null ? OrganiserTokens.ORGANISER : role;
        if (!List.of(OrganiserTokens.ORGANISER, OrganiserTokens.ADMIN).contains(r)) {
            throw new InvalidInput(Map.of("role", "The role is \"organiser\" or \"admin\"."));
        }
        if (letters != null && !letters.stream().allMatch(l -> l != null && l.matches(SLUG))) {
            throw new InvalidInput(Map.of("letters", "Name letters by their slugs, such as sample-letter."));
        }
        Duration ttl;
        try {
            ttl = lifetime == null || lifetime.isBlank() ? tokens.lifetime() : Duration.parse(lifetime.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(Map.of("lifetime", "Give an ISO-8601 duration such as PT8H or P30D."));
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(LONGEST) > 0) {
            throw new InvalidInput(Map.of("lifetime", "A token lives between a second and 90 days."));
        }
        OrganiserTokens.Minted minted = tokens.mint(subject, r, letters, ttl);
        audit.record(
                actor,
                "mint-token",
                null,
                subject,
                r + " " + letters + " until " + minted.expiresAt() + ", token " + minted.tokenId());
        return minted;
    }

    /** Tokens not yet expired, newest first, each with whether it was revoked. */
    @Transactional
    List<Listed> unexpired(int limit) {
        return registry.unexpired(Instant.now(), limit).stream()
                .map(t -> new Listed(t, revocations.revoked(t.tokenId(), t.subject(), t.mintedAt())))
                .toList();
    }

    /** The subject a recorded token was minted for, if it was recorded. */
    @Transactional
    String subjectOf(String tokenId) {
        return registry.subjectOf(tokenId);
    }
}
