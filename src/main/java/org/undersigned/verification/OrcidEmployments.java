package org.undersigned.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * A researcher's public employments from the ORCID API ({@code GET <api>/v3.0/<iD>/employments},
 * docs/ARCHITECTURE.md#signing), each with who wrote it: an employment whose source is a member organisation's client
 * ({@code source-client-id}) was asserted by the institution ({@code orcid-institution}); one written by the record
 * holder is {@code orcid-self}.
 */
@ApplicationScoped
public class OrcidEmployments {

    /** A current employment; {@code ror} as "ror.org/…" when ORCID disambiguates it with ROR, else null. */
    public record Employment(
            String organisation, String ror, String role, String department, String level, String source) {}

    public static final Pattern ORCID_ID = Pattern.compile("[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]");
    private static final Logger LOG = Logger.getLogger(OrcidEmployments.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final String api;

    OrcidEmployments(OrcidConfig config) {
        this.api = config.apiUrl().replaceAll("/+$", "");
    }

    /** Current public employments; empty when the record has none or the API cannot be reached (logged). */
    public List<Employment> current(String orcidId) {
        if (!ORCID_ID.matcher(orcidId).matches()) {
            throw new IllegalArgumentException("not an ORCID iD");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/v3.0/" + orcidId + "/employments"))
                .header("Accept", "application/vnd.orcid+json")
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warnf(
                        "ORCID API answered %d for employments; signing continues without them", response.statusCode());
                return List.of();
            }
            return parse(JSON.readTree(response.body()));
        } catch (IOException e) {
            LOG.warnf(
                    "ORCID API unreachable (%s); signing continues without employments",
                    e.getClass().getSimpleName());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    static List<Employment> parse(JsonNode record) {
        List<Employment> result = new ArrayList<>();
        for (JsonNode group : record.path("affiliation-group")) {
            for (JsonNode summary : group.path("summaries")) {
                JsonNode e = summary.path("employment-summary");
                if (e.isMissingNode()
                        || !e.path("end-date").isNull() && !e.path("end-date").isMissingNode()) {
                    continue; // a past employment is not a current affiliation
                }
                JsonNode source = e.path("source");
                boolean institution = source.hasNonNull("source-client-id");
                JsonNode org = e.path("organization");
                JsonNode disambiguated = org.path("disambiguated-organization");
                String ror =
                        "ROR".equals(disambiguated.path("disambiguation-source").asText(null))
                                ? disambiguated
                                        .path("disambiguated-organization-identifier")
                                        .asText("")
                                        .replaceFirst("^https?://", "")
                                : null;
                result.add(new Employment(
                        org.path("name").asText(null),
                        ror,
                        e.path("role-title").asText(null),
                        e.path("department-name").asText(null),
                        (institution ? AffiliationLevel.ORCID_INSTITUTION : AffiliationLevel.ORCID_SELF).wire(),
                        source.path("source-name").path("value").asText(null)));
            }
        }
        return result.stream().filter(x -> x.organisation() != null).toList();
    }
}
