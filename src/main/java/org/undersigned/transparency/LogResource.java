package org.undersigned.transparency;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.undersigned.letters.LetterService;
import org.undersigned.letters.SigningTarget;
import org.undersigned.transparency.merkle.EntryBundle;
import org.undersigned.transparency.merkle.Hashes;
import org.undersigned.transparency.merkle.Proofs;
import org.undersigned.transparency.merkle.Tile;
import org.undersigned.transparency.merkle.TilePath;
import org.undersigned.transparency.note.Checkpoint;
import org.undersigned.transparency.note.Note;
import org.undersigned.web.InvalidInput;

/**
 * The public log (C2SP tlog-tiles under {@code /log/<slug>}): the signed checkpoint, hash tiles and entry bundles,
 * plus JSON proofs for convenience. Full tiles never change, so they are cached for a year.
 */
@Path("/")
@Tag(name = "Transparency log")
@Transactional(Transactional.TxType.SUPPORTS)
public class LogResource {

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String FRESH = "no-cache";

    private final HeadRepository headRepository;
    private final TileRepository tileRepository;
    private final LogKeys keys;
    private final LetterService letters;
    private final TileCache tiles;
    private final HeadCache heads;
    private final CosignatureRepository cosignatures;
    private final Witnesses witnesses;
    private final KeyRotations rotations;

    LogResource(
            HeadRepository headRepository,
            TileRepository tileRepository,
            LogKeys keys,
            LetterService letters,
            TileCache tiles,
            HeadCache heads,
            CosignatureRepository cosignatures,
            Witnesses witnesses,
            KeyRotations rotations) {
        this.heads = heads;
        this.cosignatures = cosignatures;
        this.witnesses = witnesses;
        this.rotations = rotations;
        this.headRepository = headRepository;
        this.tileRepository = tileRepository;
        this.keys = keys;
        this.letters = letters;
        this.tiles = tiles;
    }

    @GET
    @Path("log/{slug}/checkpoint")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The latest signed checkpoint (C2SP tlog-checkpoint in a signed note)")
    public Response checkpoint(@PathParam("slug") String slug) {
        long letterId = letter(slug).letterId();
        // an empty log has a checkpoint too: size 0 and the empty tree's root (signatures are deterministic)
        String note = headRepository
                .latestCheckpoint(letterId)
                .map(c -> cosigned(letterId, c))
                .orElseGet(() -> Note.sign(
                                new Checkpoint(keys.origin(slug), 0, Hashes.emptyTreeHash()).format(),
                                rotations.signer(letterId, slug))
                        .format());
        return text(note, FRESH);
    }

    @GET
    @Path("log/{slug}/checkpoint/witnessed")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The latest checkpoint cosigned by the quorum of witnesses, with their cosignatures")
    public Response witnessed(@PathParam("slug") String slug) {
        long letterId = letter(slug).letterId();
        return cosignatures
                .witnessed(letterId, witnesses.ids(), witnesses.quorum())
                .map(c -> text(cosigned(letterId, c), FRESH))
                .orElseThrow(() -> new NotFoundException(
                        witnesses.all().isEmpty()
                                ? "This service has no witnesses configured."
                                : "No checkpoint of this log has been cosigned by " + witnesses.quorum() + " of its "
                                        + witnesses.all().size() + " witnesses yet."));
    }

    /** The signed note with the witnesses' cosignature lines after the log's own signature. */
    private String cosigned(long letterId, StoredCheckpoint checkpoint) {
        StringBuilder note = new StringBuilder(checkpoint.note());
        for (String line : cosignatures.lines(letterId, checkpoint.size())) {
            note.append(line).append('\n');
        }
        return note.toString();
    }

    @GET
    @Path("log/{slug}/tile/{path: .+}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "A hash tile or an entry bundle (C2SP tlog-tiles)")
    public Response tile(@PathParam("slug") String slug, @PathParam("path") String path) {
        SigningTarget letter = letter(slug);
        byte[] cached = tiles.get(letter.letterId(), path);
        if (cached != null) {
            return tileResponse(cached, IMMUTABLE);
        }
        TilePath tile;
        try {
            tile = TilePath.parse("tile/" + path);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("'tile/" + path + "' is not a tile path.");
        }
        long size = currentSize(letter);
        boolean exists = tile instanceof EntryBundle b ? b.existsIn(size) : ((Tile) tile).existsIn(size);
        if (!exists) { // perhaps another replica has just published a larger tree
            size = heads.fresh(letter.letterId()).map(StoredCheckpoint::size).orElse(0L);
            exists = tile instanceof EntryBundle b ? b.existsIn(size) : ((Tile) tile).existsIn(size);
        }
        if (!exists) {
            throw new NotFoundException("No such tile in a tree of size " + size + ".");
        }
        if (tile.isPartial()) {
            return tileResponse(tileRepository.assemble(letter.letterId(), tile), "public, max-age=60");
        }
        // the sequencer stored the tile when it became full (older logs: assembled from its rows)
        byte[] body = tileRepository
                .stored(letter.letterId(), tile.path())
                .orElseGet(() -> tileRepository.assemble(letter.letterId(), tile));
        tiles.put(letter.letterId(), path, body);
        return tileResponse(body, IMMUTABLE);
    }

    private static Response tileResponse(byte[] body, String cache) {
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Cache-Control", cache)
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }

    @GET
    @Path("log/{slug}/proof/inclusion")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Inclusion proof of entry `index` in the tree of size `size` (RFC 9162 §2.1.3)")
    public Response inclusion(
            @PathParam("slug") String slug, @QueryParam("index") Long index, @QueryParam("size") Long size) {
        SigningTarget letter = letter(slug);
        long current = size != null && size > currentSize(letter) ? freshSize(letter) : currentSize(letter);
        if (index == null || size == null || index < 0 || size <= index || size > current) {
            throw new InvalidInput(Map.of("index", "Give 0 <= index < size <= " + current + " (the current size)."));
        }
        return proof(Proofs.inclusionProof(index, size, heads.reader(letter.letterId())));
    }

    @GET
    @Path("log/{slug}/proof/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Consistency proof between trees of sizes `from` and `to` (RFC 9162 §2.1.4)")
    public Response consistency(
            @PathParam("slug") String slug, @QueryParam("from") Long from, @QueryParam("to") Long to) {
        SigningTarget letter = letter(slug);
        long current = to != null && to > currentSize(letter) ? freshSize(letter) : currentSize(letter);
        if (from == null || to == null || from < 1 || to < from || to > current) {
            throw new InvalidInput(Map.of("from", "Give 1 <= from <= to <= " + current + " (the current size)."));
        }
        return proof(Proofs.consistencyProof(from, to, heads.reader(letter.letterId())));
    }

    private Response proof(List<byte[]> hashes) {
        List<String> encoded =
                hashes.stream().map(h -> Base64.getEncoder().encodeToString(h)).toList();
        return Response.ok(Map.of("proof", encoded), MediaType.APPLICATION_JSON_TYPE)
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }

    private long currentSize(SigningTarget letter) {
        return heads.latest(letter.letterId()).map(StoredCheckpoint::size).orElse(0L);
    }

    private long freshSize(SigningTarget letter) {
        return heads.fresh(letter.letterId()).map(StoredCheckpoint::size).orElse(0L);
    }

    private SigningTarget letter(String slug) {
        return letters.signingTarget(slug)
                .orElseThrow(() -> new NotFoundException("There is no published letter called '" + slug + "'."));
    }

    private static Response text(String body, String cache) {
        return Response.ok(body, "text/plain; charset=utf-8")
                .header("Cache-Control", cache)
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
