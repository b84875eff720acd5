package org.undersigned.signatures;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.InvalidInput;

/**
 * A letter's count history: the last checkpoint of each hour or day, each point checkable against the log ("at
 * 14:00 UTC on 4 April the log, signed at size S with root R, counted N").
 */
// "/api" like the other API resources: a class whose path matches more of an address takes it from the others
@Path("/api")
public class HistoryApi {

    /** The JSON answer. */
    public record History(String letter, String bucket, List<CountHistory.Point> points) {}

    private final CountHistory history;
    private final SignableLetters letters;

    HistoryApi(CountHistory history, SignableLetters letters) {
        this.history = history;
        this.letters = letters;
    }

    @GET
    @Path("letters/{slug}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The count at the last checkpoint of each hour or day: {letter, bucket, points:[{time, size,"
                    + " rootHash, count}]}, oldest first, at most 2016 points (the newest)")
    public Response json(
            @PathParam("slug") String slug,
            @Parameter(description = "hour or day (default)") @QueryParam("bucket") String bucket,
            @Parameter(description = "from this time or day (UTC), inclusive") @QueryParam("from") String from,
            @Parameter(description = "before this time or day (UTC)") @QueryParam("to") String to) {
        List<CountHistory.Point> points = points(slug, bucket, from, to);
        return Response.ok(new History(slug, unit(bucket), points))
                .header("Cache-Control", "public, max-age=30")
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }

    @GET
    @Path("letters/{slug}/history.csv")
    @Produces("text/csv")
    @Operation(summary = "The same points as CSV: time,size,rootHash,count")
    public Response csv(
            @PathParam("slug") String slug,
            @QueryParam("bucket") String bucket,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        StringBuilder out = new StringBuilder("time,size,rootHash,count\r\n");
        for (CountHistory.Point p : points(slug, bucket, from, to)) {
            out.append(p.time())
                    .append(',')
                    .append(p.size())
                    .append(',')
                    .append(p.rootHash())
                    .append(',')
                    .append(p.count())
                    .append("\r\n");
        }
        return Response.ok(out.toString(), "text/csv; charset=utf-8; header=present")
                .header("Cache-Control", "public, max-age=30")
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }

    /** An unknown letter is a 404 before anything else is looked at, then bucket, from and to are read. */
    private List<CountHistory.Point> points(String slug, String bucket, String from, String to) {
        SigningTarget letter = letters.letter(slug);
        return history.of(letter, unit(bucket), time(from, "from", Instant.EPOCH), time(to, "to", null));
    }

    private static String unit(String bucket) {
        if (bucket == null || bucket.isBlank() || bucket.equals("day")) {
            return "day";
        }
        if (bucket.equals("hour")) {
            return "hour";
        }
        throw new InvalidInput(Map.of("bucket", "Give hour or day."));
    }

    /** An instant ({@code 2026-04-04T14:00:00Z}) or a day ({@code 2026-04-04}, its start in UTC). */
    private static Instant time(String value, String field, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(
                    Map.of(field, "Give a day such as 2026-04-04 or a time such as 2026-04-04T14:00:00Z."));
        }
    }
}
