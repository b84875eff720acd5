package org.undersigned.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses, with a 400 problem before any resource sees it, a request that cannot be read: an {@code Accept} or
 * {@code Content-Type} header that is not a media type list (RFC 9110 §12.5.1, §8.3; 415 for a charset this server
 * cannot decode), or a NUL character in the path or query, which no name, slug or token holds and PostgreSQL
 * refuses to store or compare. Otherwise the REST layer's parser or the database fails deep inside and the client
 * gets a 500. The answer is problem+json whatever the page, since the client's preferences may be what cannot be
 * read.
 */
@ApplicationScoped
public class UnreadableRequests {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[\\t \\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\t \\x21-\\x7E])*\"";
    private static final String PARAMETERS = "(?:[ \\t]*;[ \\t]*(?:" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))?)*";
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN + PARAMETERS);
    /** A media range; a lone {@code *} is what old Java clients send for {@code * / *}, so it is let through. */
    private static final Pattern MEDIA_RANGE = Pattern.compile("(?:" + TOKEN + "/" + TOKEN + "|\\*)" + PARAMETERS);

    private static final Pattern QVALUE = Pattern.compile("(?i)(?:^|;)[ \\t]*q=([^; \\t]*)");
    private static final Pattern CHARSET = Pattern.compile("(?i)(?:^|;)[ \\t]*charset=\"?([^;\" \\t]*)");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a request is refused. */
    record Refusal(int status, String detail) {}

    void register(@Observes Filters filters) {
        // before everything else (the highest priority runs first), so no later step parses a broken header
        filters.register(this::check, 1000);
    }

    private void check(RoutingContext rc) {
        Optional<Refusal> refusal = refusal(rc);
        if (refusal.isEmpty()) {
            rc.next();
            return;
        }
        try {
            Refusal r = refusal.get();
            String title = r.status() == 415 ? "Unsupported Media Type" : "Bad Request";
            rc.response()
                    .setStatusCode(r.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(JSON.writeValueAsString(new Problem(
                            "about:blank",
                            title,
                            r.status(),
                            r.detail(),
                            rc.request().path(),
                            null)));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }

    /** Why this request cannot be read, if it cannot. */
    static Optional<Refusal> refusal(RoutingContext rc) {
        return refusal(
                rc.request().uri(),
                rc.request().headers().getAll(HttpHeaders.ACCEPT),
                rc.request().headers().getAll(HttpHeaders.CONTENT_TYPE));
    }

    /** Why a request with this target and these header values cannot be read, if it cannot. */
    static Optional<Refusal> refusal(String uri, List<String> accept, List<String> contentType) {
        if (uri.contains("%00") || uri.indexOf('\0') >= 0) { // without a regex: it runs on every request
            return Optional.of(
                    new Refusal(400, "The address holds a NUL character (%00), which nothing here can hold."));
        }
        for (String value : accept) {
            for (String range : value.split(",", -1)) {
                String r = range.strip();
                // RFC 9110 §5.6.1: empty list elements are allowed and ignored
                if (!r.isEmpty() && (!MEDIA_RANGE.matcher(r).matches() || !weightOk(r))) {
                    return Optional.of(new Refusal(
                            400,
                            "The Accept header is not a list of media types (like text/html or "
                                    + "application/json;q=0.9), so we cannot tell what to answer with."));
                }
            }
        }
        if (contentType.size() > 1) {
            return Optional.of(new Refusal(400, "The request has more than one Content-Type header."));
        }
        for (String value : contentType) {
            String t = value.strip();
            if (!MEDIA_TYPE.matcher(t).matches() || t.startsWith("*")) {
                return Optional.of(new Refusal(
                        400,
                        "The Content-Type header is not a media type (like application/json or "
                                + "application/x-www-form-urlencoded; charset=UTF-8)."));
            }
            if (!charsetOk(t)) {
                return Optional.of(
                        new Refusal(415, "The Content-Type header names a charset we cannot read; send UTF-8."));
            }
        }
        return Optional.empty();
    }

    /** A weight, when given, is a number from 0 to 1 (RFC 9110 §12.4.2). */
    private static boolean weightOk(String range) {
        var m = QVALUE.matcher(range);
        while (m.find()) {
            // RFC 9110 allows 0, 1 and up to three decimals; old Java clients send ".2", which is let through
            if (!m.group(1).matches("[0-9]{0,3}(?:\\.[0-9]{0,3})?")
                    || !m.group(1).matches(".*[0-9].*")
                    || Double.parseDouble(m.group(1)) > 1) {
                return false;
            }
        }
        return true;
    }

    /** A charset, when given, is one this JVM can decode with. */
    private static boolean charsetOk(String type) {
        var m = CHARSET.matcher(type);
        while (m.find()) {
            try {
                if (!Charset.isSupported(m.group(1))) {
                    return false;
                }
            } catch (IllegalCharsetNameException e) {
                return false;
            }
        }
        return true;
    }
}
