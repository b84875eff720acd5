package org.undersigned.transparency;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;

/**
 * The logs' verifier keys and their rotations (docs/ARCHITECTURE.md#key-rotation): every key a log has been signed
 * with, oldest first, and the statements that moved it from one key to the next.
 */
@Path("/")
@Tag(name = "Transparency log")
@Transactional(Transactional.TxType.SUPPORTS)
public class KeyResource {

    private final LetterService letters;
    private final LogKeys keys;
    private final KeyRotations rotations;

    KeyResource(LetterService letters, LogKeys keys, KeyRotations rotations) {
        this.letters = letters;
        this.keys = keys;
        this.rotations = rotations;
    }

    /** A statement as served: the index of its entry in the log, and the signed note. */
    public record Rotation(long index, String statement) {}

    @GET
    @Path(".well-known/undersigned/keys")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(
            summary = "Verifier keys of every letter's log, one per line: name+hex(keyID)+base64(0x01 || key); a log"
                    + " whose key rotated has a line per key, oldest first")
    public Response verifierKeys() {
        Map<Long, List<String>> recorded = rotations.verifiers();
        Map<String, Long> ids = letters.listedIds();
        StringBuilder body = new StringBuilder();
        for (var summary : letters.list()) {
            Long id = ids.get(summary.slug());
            List<String> lines = id == null ? null : recorded.get(id);
            for (String line :
                    lines == null ? List.of(keys.verifier(summary.slug()).format()) : lines) {
                body.append(line).append('\n');
            }
        }
        return Response.ok(body.toString(), "text/plain; charset=utf-8")
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }

    @GET
    @Path("log/{slug}/key-rotations")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The rotations of the log's key, in order: each statement (a signed note naming the old and"
                    + " the new verifier key, signed by both) and the index of the entry that holds it")
    public Response keyRotations(@PathParam("slug") String slug) {
        SigningTarget letter = letters.signingTarget(slug)
                .orElseThrow(() -> new NotFoundException("There is no published letter called '" + slug + "'."));
        List<Rotation> served = rotations.rotations(letter.letterId()).stream()
                .map(k -> new Rotation(k.entryIndex(), k.statement()))
                .toList();
        return Response.ok(Map.of("rotations", served), MediaType.APPLICATION_JSON_TYPE)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "no-cache")
                .build();
    }
}
