package org.undersigned.threads;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.InvalidInput;

/**
 * Archived copies of the pages thread entries cite (docs/ARCHITECTURE.md#letters-and-threads): an organiser names a
 * page, the service fetches and keeps it, and an entry whose {@code archived.sha256} is that copy's hash links to it.
 * The hash is part of the entry's logged form, so the copy the thread points to cannot be swapped unnoticed.
 */
@ApplicationScoped
public class Archives {

    /** A copy as the organiser and readers see it; {@code copy} is its stable address on this service. */
    public record Archived(
            String sha256,
            String url,
            String finalUrl,
            String contentType,
            long size,
            OffsetDateTime retrievedAt,
            String copy) {}

    /** The bytes of a copy and how to serve them. */
    public record Body(byte[] bytes, String contentType) {}

    private final ArchiveFetcher fetcher;
    private final ArchiveRepository repository;
    private final LetterService letters;

    Archives(ArchiveFetcher fetcher, ArchiveRepository repository, LetterService letters) {
        this.fetcher = fetcher;
        this.repository = repository;
        this.letters = letters;
    }

    /** Fetches the page now and keeps it for the letter; a page that cannot be archived is a 400 saying why. */
    public Archived archive(String slug, String url, String by) {
        SigningTarget letter = letter(slug);
        ArchiveFetcher.Fetched page;
        try {
            page = fetcher.fetch(url);
        } catch (ArchiveFetcher.Refused refused) {
            throw new InvalidInput(Map.of("url", refused.getMessage()));
        }
        String sha256 = HexFormat.of().formatHex(ThreadRevisions.digest(page.body()));
        ArchiveRepository.Copy copy = new ArchiveRepository.Copy(
                sha256,
                url.strip(),
                page.finalUrl(),
                page.contentType(),
                page.body().length,
                OffsetDateTime.now(ZoneOffset.UTC));
        ArchiveRepository.Copy stored = QuarkusTransaction.requiringNew()
                .call(() -> repository.insert(letter.letterId(), copy, page.body(), by));
        return view(slug, stored);
    }

    /** The copy of a letter with that hash, if the service holds it. */
    public Optional<Archived> find(String slug, String sha256) {
        return letters.signingTarget(slug)
                .flatMap(l -> repository.find(l.letterId(), sha256))
                .map(c -> view(slug, c));
    }

    /** The bytes of a copy, for serving. */
    public Optional<Body> body(String slug, String sha256) {
        SigningTarget letter = letter(slug);
        return repository
                .find(letter.letterId(), sha256)
                .flatMap(c -> repository.body(letter.letterId(), sha256).map(b -> new Body(b, c.contentType())));
    }

    /**
     * An entry naming an archived copy by its hash alone gets the copy's retrieval date; a hash the service holds no
     * copy of needs the date given (a copy kept elsewhere).
     */
    ThreadEntry withRetrievalDate(SigningTarget letter, ThreadEntry e) {
        if (e.archived() == null
                || e.archived().retrieved() != null
                || e.archived().sha256() == null) {
            return e;
        }
        var copy = repository
                .find(letter.letterId(), e.archived().sha256())
                .orElseThrow(() -> new InvalidInput(Map.of(
                        "archived",
                        "This letter has no archived copy with that SHA-256: archive the page first (POST its "
                                + "address to /api/letters/" + letter.slug() + "/archive), or give the date a copy "
                                + "kept elsewhere was retrieved.")));
        return e.withArchived(new ThreadEntry.Archived(
                e.archived().sha256(), copy.retrievedAt().toLocalDate()));
    }

    /** The hashes of the copies a letter holds. */
    Set<String> held(long letterId) {
        return repository.held(letterId);
    }

    private static Archived view(String slug, ArchiveRepository.Copy c) {
        return new Archived(
                c.sha256(),
                c.sourceUrl(),
                c.finalUrl(),
                c.contentType(),
                c.size(),
                c.retrievedAt(),
                "/letters/" + slug + "/archive/" + c.sha256());
    }

    private SigningTarget letter(String slug) {
        return letters.signingTarget(slug)
                .orElseThrow(() -> new NotFoundException("There is no published letter called '" + slug + "'."));
    }
}
