package org.undersigned.organisers;

import io.quarkus.qute.TemplateExtension;
import jakarta.ws.rs.FormParam;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.undersigned.signatures.FraudSignals;
import org.undersigned.signatures.SignatureDecisions;

/**
 * The bulk invalidation form as typed, times in UTC as an HTML datetime-local gives them
 * ("2026-04-04T14:00"). Kept as typed so that a form with a mistake comes back with nothing lost.
 */
public class BulkForm {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @FormParam("domain")
    public String domain;

    @FormParam("from")
    public String from;

    @FormParam("to")
    public String to;

    @FormParam("network")
    public String network;

    @FormParam("networkTag")
    public String networkTag;

    @FormParam("nameTag")
    public String nameTag;

    @FormParam("reason")
    public String reason;

    /** A form filled in by query parameters (a link from a fraud signal). */
    static BulkForm of(
            String domain, String from, String to, String network, String networkTag, String nameTag, String reason) {
        BulkForm f = new BulkForm();
        f.domain = domain;
        f.from = from;
        f.to = to;
        f.network = network;
        f.networkTag = networkTag;
        f.nameTag = nameTag;
        f.reason = reason;
        return f;
    }

    /** The filter, or the fields whose time cannot be read (keys from, to). */
    SignatureDecisions.Filter filter(Map<String, String> problems) {
        return new SignatureDecisions.Filter(
                blank(domain) ? null : domain,
                time(from, "from", problems),
                time(to, "to", problems),
                blank(network) ? null : network,
                blank(networkTag) ? null : networkTag,
                blank(nameTag) ? null : nameTag);
    }

    private static OffsetDateTime time(String value, String field, Map<String, String> problems) {
        try {
            return ConsoleWords.utcField(value).orElse(null);
        } catch (DateTimeParseException e) {
            problems.put(field, "time");
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A time as a datetime-local field shows it, in UTC. */
    static String local(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MINUTES)
                .format(LOCAL);
    }

    /** The query of a form pre-filled from a fraud signal (reason "fraud"), for "preview an invalidation". */
    @TemplateExtension
    static String query(FraudSignals.Preview p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("domain", p.domain());
        m.put("networkTag", p.networkTag());
        m.put("nameTag", p.nameTag());
        m.put("from", p.from() == null ? null : local(p.from()));
        m.put("to", p.to() == null ? null : local(p.to()));
        m.put("reason", "fraud");
        StringJoiner q = new StringJoiner("&");
        m.forEach((k, v) -> {
            if (v != null) {
                q.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }
}
