package org.undersigned.signatures;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.LocalNotFound;

/** Where a letter's current signatory snapshot is, and which checkpoint it is bound to. */
// "/api" like the other API resources: a class whose path matches more of an address takes it from the others
@Path("/api")
public class SnapshotApi {

    /** The JSON answer: the checkpoint (size, root), how many names, when built, and the three files' addresses. */
    public record Snapshot(
            String letter,
            long size,
            String rootHash,
            long names,
            Instant builtAt,
            String checkpoint,
            String jsonl,
            String csv) {}

    private final SignatorySnapshots snapshots;
    private final SignableLetters letters;

    SnapshotApi(SignatorySnapshots snapshots, SignableLetters letters) {
        this.snapshots = snapshots;
        this.letters = letters;
    }

    @GET
    @Path("letters/{slug}/snapshot")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The current snapshot of the public signatories: {letter, size, rootHash, names, builtAt,"
                    + " checkpoint, jsonl, csv}; the last three are addresses of the signed checkpoint and the lists")
    public Response current(@PathParam("slug") String slug) {
        SigningTarget letter = letters.letter(slug);
        SnapshotRepository.Current c =
                snapshots.current(letter.letterId()).orElseThrow(() -> new LocalNotFound(m -> m.noSnapshot(slug)));
        String base = "/letters/" + slug + "/snapshots/" + c.size();
        return Response.ok(new Snapshot(
                        slug,
                        c.size(),
                        c.root(),
                        c.names(),
                        c.builtAt(),
                        base + ".checkpoint",
                        base + ".jsonl",
                        base + ".csv"))
                .header("Cache-Control", "no-cache")
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
