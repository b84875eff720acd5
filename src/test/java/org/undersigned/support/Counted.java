package org.undersigned.support;

import static io.restassured.RestAssured.given;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.undersigned.transparency.TransparencyLog;

/** Reads a letter's count once the log has integrated everything written so far (counts follow the log). */
public final class Counted {

    private Counted() {}

    public static void settle(TransparencyLog log) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!log.idle()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the log sequencer did not catch up within 10 s");
            }
            Mailbox.sleep(50);
        }
    }

    public static long total(String letter, TransparencyLog log) {
        settle(log);
        return given().get("/api/letters/" + letter + "/count")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
    }

    /** Every entry of a letter's log, from its first (partial) entry bundle: for letters with fewer than 256. */
    public static List<String> entries(String letter, TransparencyLog log) {
        settle(log);
        long size = given().get("/api/letters/" + letter + "/count")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("checkpoint.size");
        ByteBuffer bundle = ByteBuffer.wrap(given().get("/log/" + letter + "/tile/entries/000.p/" + size)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        List<String> out = new ArrayList<>();
        while (bundle.hasRemaining()) {
            byte[] entry = new byte[Short.toUnsignedInt(bundle.getShort())];
            bundle.get(entry);
            out.add(new String(entry, StandardCharsets.UTF_8));
        }
        return out;
    }
}
