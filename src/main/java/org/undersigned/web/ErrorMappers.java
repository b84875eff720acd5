package org.undersigned.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as an RFC 9457 problem (API clients) or a friendly page (browsers), never as a stack trace.
 * The API and the log are JSON, in English; elsewhere a page is served unless the client asks for JSON.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    /** RESTEasy's words for an address no resource answers: for developers, not readers. */
    private static final String NO_RESOURCE = "Unable to find matching target resource method";

    @Location("error.html")
    Template errorPage;

    @Inject
    Languages languages;

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        ErrorWords.Detail detail = humanMessage(e, status);
        Map<String, String> errors = e instanceof InvalidInput invalid ? invalid.errors() : null;
        Response response = respond(status, detail, errors, headers, uri);
        // keep protocol headers such as Allow (405) and Retry-After (429)
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(v -> response.getHeaders().add(name, v));
            }
        });
        return response;
    }

    /** Not signed in, or the sign-in expired or was revoked: a 401 whose page links to the way in. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response signInNeeded(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        return respond(401, ErrorWords.of(ErrorMessages::signInFirst), null, headers, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            errors.putIfAbsent(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
        });
        return respond(400, ErrorWords.of(ErrorMessages::fieldsNeedAttention), errors, headers, uri);
    }

    /** Malformed JSON bodies are the client's mistake: 400 with the parser's position, not a 500. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        var at = e.getLocation();
        return respond(
                400,
                ErrorWords.of(m -> at == null ? m.notJson() : m.notJsonAt(at.getLineNr(), at.getColumnNr())),
                null,
                headers,
                uri);
    }

    /** A form body with a broken percent-encoding ({@code %zz}, a lone {@code %}): RESTEasy's decoder throws. */
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, HttpHeaders headers, UriInfo uri) {
        if (e.getMessage() != null && e.getMessage().startsWith("Failed to decode URL")) {
            return respond(400, ErrorWords.of(ErrorMessages::badEncoding), null, headers, uri);
        }
        return unexpected(e, headers, uri);
    }

    /**
     * A value the database cannot take (SQLSTATE class 22: a NUL character, text it cannot encode, a number out of
     * range) came from the request: a 400, logged as a warning so that a real bug still shows. Other persistence
     * failures stay 500s.
     */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, HttpHeaders headers, UriInfo uri) {
        return refusedValue(e)
                .map(sql -> {
                    LOG.warnf("Refused a value the database cannot take on %s: %s", pathOf(uri), sql.getMessage());
                    return respond(400, ErrorWords.of(ErrorMessages::cannotStore), null, headers, uri);
                })
                .orElseGet(() -> unexpected(e, headers, uri));
    }

    /**
     * The API's answer to a failure met outside RESTEasy (the early lane's sign-up), as the mappers above answer it:
     * a value the database cannot take is the request's (400), anything else is ours (500, logged).
     */
    public static Problem apiFailure(Throwable e, String path) {
        Optional<SQLException> refused = e instanceof PersistenceException ? refusedValue(e) : Optional.empty();
        refused.ifPresentOrElse(
                sql -> LOG.warnf("Refused a value the database cannot take on %s: %s", path, sql.getMessage()),
                () -> LOG.errorf(e, "Unexpected error on %s", path));
        int status = refused.isPresent() ? 400 : 500;
        ErrorWords.Detail detail =
                ErrorWords.of(refused.isPresent() ? ErrorMessages::cannotStore : ErrorMessages::ourFaultKept);
        return new Problem(
                "about:blank",
                Response.Status.fromStatusCode(status).getReasonPhrase(),
                status,
                detail.apply(Locale.ENGLISH),
                path,
                null);
    }

    /** The value the database could not take (SQLSTATE class 22: a NUL character, text it cannot encode, …), if so. */
    private static Optional<SQLException> refusedValue(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        LOG.errorf(e, "Unexpected error on %s", pathOf(uri));
        return respond(500, ErrorWords.of(ErrorMessages::ourFaultKept), null, headers, uri);
    }

    /**
     * The request path, decoded when it can be: a path whose escapes decode to a stray '%' (sent as %25 followed by
     * junk) cannot be decoded twice, and an error answer must not fail on it.
     */
    private static String pathOf(UriInfo uri) {
        try {
            return uri.getPath();
        } catch (IllegalArgumentException e) {
            try {
                return uri.getRequestUri().getRawPath();
            } catch (RuntimeException again) {
                return "";
            }
        }
    }

    /** A problem in English for API clients, else the error page in the reader's language. */
    private Response respond(
            int status, ErrorWords.Detail detail, Map<String, String> errors, HttpHeaders headers, UriInfo uri) {
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String path = pathOf(uri);
        if (wantsJson(path, headers)) {
            // programs read the API in English; a page's own script (passkeys) shows the reader's language
            Locale language = path.startsWith("/api") || path.startsWith("/log/") ? Locale.ENGLISH : readersLanguage();
            return Response.status(status)
                    .type(Problem.MEDIA_TYPE)
                    .entity(new Problem("about:blank", title, status, detail.apply(language), path, errors))
                    .build();
        }
        Locale locale = readersLanguage();
        String html = errorPage
                .data("status", status)
                .data("signIn", status == 401 ? signInPage(path) : null)
                .data("title", ErrorWords.title(ErrorWords.in(locale), status))
                .data("detail", detail.apply(locale))
                .render();
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html)
                .build();
    }

    /** Where a reader who must sign in for {@code path} does so: organisers' pages, or a signer's passkey page. */
    private static String signInPage(String path) {
        return path.startsWith("/organisers")
                ? "/organisers/sign-in"
                : path.startsWith("/signers") ? "/signers/passkey" : null;
    }

    /** The error page must not fail in turn: a request whose language cannot be told gets English. */
    private Locale readersLanguage() {
        try {
            return languages.current().orElse(Locale.ENGLISH);
        } catch (RuntimeException unreadable) {
            return Locale.ENGLISH;
        }
    }

    static boolean wantsJson(String path, HttpHeaders headers) {
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/log/")) {
            return true;
        }
        try {
            return headers.getAcceptableMediaTypes().stream()
                    .findFirst()
                    .map(t -> t.getSubtype().endsWith("json"))
                    .orElse(false);
        } catch (RuntimeException unreadable) {
            // an Accept header the parser cannot read must not turn an error page into a 500 (UnreadableRequests
            // refuses most of them earlier)
            return true;
        }
    }

    private static ErrorWords.Detail humanMessage(WebApplicationException e, int status) {
        if (e instanceof LocalReason local) {
            return local::detail;
        }
        String message = e.getMessage();
        boolean generic = message == null
                || message.startsWith("HTTP " + status)
                || message.isBlank()
                || message.equals(NO_RESOURCE);
        return generic ? ErrorWords.generic(status) : ErrorWords.fixed(message);
    }
}
