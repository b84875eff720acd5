package org.undersigned.signatures;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.zip.GZIPInputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.LocalNotFound;

/**
 * A snapshot's files: the public signers live at checkpoint S as JSON Lines ({@code S.jsonl}, each line an item of
 * the signatory list) and CSV ({@code S.csv}, the signatory list's columns), and the checkpoint's signed note
 * ({@code S.checkpoint}). Only the current snapshot is served; a replaced or purged one is a 404 naming the current.
 */
@Path("/")
public class SnapshotFiles {

    private final SignatorySnapshots snapshots;
    private final SnapshotReads reads;
    private final SignableLetters letters;

    SnapshotFiles(SignatorySnapshots snapshots, SnapshotReads reads, SignableLetters letters) {
        this.reads = reads;
        this.snapshots = snapshots;
        this.letters = letters;
    }

    @GET
    @Path("letters/{slug}/snapshots/{size: [0-9]{1,18}}.checkpoint")
    @Operation(hidden = true)
    public Response checkpoint(@PathParam("slug") String slug, @PathParam("size") long size) {
        SnapshotRepository.Current c = current(slug, size);
        return Response.ok(c.note(), "text/plain; charset=utf-8")
                .header("Cache-Control", "public, max-age=31536000, immutable") // a checkpoint never changes
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }

    @GET
    @Path("letters/{slug}/snapshots/{size: [0-9]{1,18}}.jsonl")
    @Operation(hidden = true)
    public Response jsonl(
            @PathParam("slug") String slug,
            @PathParam("size") long size,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String encodings) {
        return file(current(slug, size), SignatorySnapshots.JSONL, "application/jsonl; charset=utf-8", encodings)
                .build();
    }

    @GET
    @Path("letters/{slug}/snapshots/{size: [0-9]{1,18}}.csv")
    @Operation(hidden = true)
    public Response csv(
            @PathParam("slug") String slug,
            @PathParam("size") long size,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String encodings) {
        return file(current(slug, size), SignatorySnapshots.CSV, "text/csv; charset=utf-8; header=present", encodings)
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-signatories-at-" + size + ".csv\"")
                .build();
    }

    private SnapshotRepository.Current current(String slug, long size) {
        SigningTarget letter = letters.letter(slug);
        SnapshotRepository.Current c =
                snapshots.current(letter.letterId()).orElseThrow(() -> new LocalNotFound(m -> m.noSnapshot(slug)));
        if (c.size() != size) {
            throw new LocalNotFound(m -> m.otherSnapshot(size, c.size()));
        }
        return c;
    }

    /**
     * Streamed from the stored gzip-compressed parts: as they are to clients that take gzip, uncompressed on the way
     * to the others. Not cached by intermediaries: an erasure removes a name at once.
     */
    private Response.ResponseBuilder file(SnapshotRepository.Current c, String format, String type, String encodings) {
        boolean gzip = SignaturePages.acceptsGzip(encodings);
        StreamingOutput body = out -> {
            try (var in = gzip ? reads.open(c, format) : new GZIPInputStream(reads.open(c, format), 1 << 16)) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = Response.ok(body, type)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header("Cache-Control", "no-cache")
                .header("Access-Control-Allow-Origin", "*");
        if (gzip) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip")
                    .header(HttpHeaders.CONTENT_LENGTH, reads.gzipLength(c, format));
        }
        return response;
    }
}
