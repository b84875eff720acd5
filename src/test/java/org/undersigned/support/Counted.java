package org.undersigned.support;

import static io.restassured.RestAssured.given;

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
}
