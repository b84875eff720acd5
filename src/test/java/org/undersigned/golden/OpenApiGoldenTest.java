package org.undersigned.golden;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published API description is the recorded one: no endpoint, parameter, field or spelling changed. Keys are
 * sorted so that a difference reads as a diff of the stored copy.
 */
@QuarkusTest
class OpenApiGoldenTest {

    @Test
    void theOpenApiDocumentIsTheRecordedOne() throws IOException {
        String json = given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        ObjectMapper mapper = new ObjectMapper()
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT);
        Object tree = mapper.readValue(json, Map.class);
        Golden.check("openapi.json", mapper.writeValueAsString(tree) + "\n");
    }
}
