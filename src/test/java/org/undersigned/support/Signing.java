package org.undersigned.support;

import static io.restassured.RestAssured.given;

import com.icegreen.greenmail.util.GreenMail;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;

/** Signs through the public API and confirms through the mailed link, as a person would. */
public final class Signing {

    private Signing() {}

    public static String address(String who, String domain) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
    }

    /** Signs and confirms; returns the signature's public id. */
    public static String signAndConfirm(GreenMail mail, String letter, Map<String, String> body) {
        String id = given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/letters/" + letter + "/signatures")
                .then()
                .statusCode(202)
                .extract()
                .jsonPath()
                .getString("id");
        String confirm = Mailbox.link(Mailbox.await(mail, body.get("email"), 1), "/confirm/");
        FormSession.open(confirm).post().post(confirm).then().statusCode(200);
        return id;
    }
}
