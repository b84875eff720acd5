package org.undersigned.signatures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.undersigned.letters.SigningTarget;
import org.undersigned.web.ClientNetwork;
import org.undersigned.web.EarlyLane;
import org.undersigned.web.ErrorMappers;
import org.undersigned.web.Languages;
import org.undersigned.web.Problem;
import org.undersigned.web.TooManyRequests;

/**
 * {@code POST /api/letters/<slug>/signatures} for a valid sign-up of a letter known open, answered in the
 * {@link EarlyLane} without the filters and the resource layer, and without a worker thread waiting for the batched
 * writer: the answer goes out when the writer's commit completes (docs/ARCHITECTURE.md, "Sign-ups"). It spends the
 * same limits and stores the same rows as {@link SignatureApi#sign}. Anything it would answer differently (a body
 * that is not small JSON, a field to correct, a letter closed or not in memory, a refused limit, before anything is
 * spent) goes on to {@link SignatureApi#sign}, body and all, which answers it in its own words.
 */
@ApplicationScoped
class SignRoute {

    /** The largest body read here: a sign-up at every field's limit, each character escaped, is about 12 KiB. */
    static final int BODY_MAX = 64 * 1024;

    private final EarlyLane lane;
    private final SignableLetters letters;
    private final SigningGuard guard;
    private final ClientNetwork network;
    private final Languages languages;
    private final ObjectMapper json;
    private final Counter answered;
    private final BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_MAX);

    SignRoute(
            EarlyLane lane,
            SignableLetters letters,
            SigningGuard guard,
            ClientNetwork network,
            Languages languages,
            ObjectMapper json,
            MeterRegistry registry) {
        this.lane = lane;
        this.letters = letters;
        this.guard = guard;
        this.network = network;
        this.languages = languages;
        this.json = json;
        this.answered = registry.counter("undersigned.signatures.early");
    }

    void register(@Observes Router router) {
        lane.post(router, "/api/letters/:slug/signatures").handler(this::read).handler(this::sign);
    }

    /** Reads the body of a request this route may take; any other goes past {@link #sign} unread. */
    private void read(RoutingContext rc) {
        if (takes(rc)) {
            body.handle(rc);
        } else {
            rc.next();
        }
    }

    private boolean takes(RoutingContext rc) {
        HttpServerRequest r = rc.request();
        return isJson(r.getHeader(HttpHeaders.CONTENT_TYPE))
                && acceptsJson(r.getHeader(HttpHeaders.ACCEPT))
                && isSmall(r.getHeader(HttpHeaders.CONTENT_LENGTH))
                && r.getHeader(HttpHeaders.TRANSFER_ENCODING) == null
                && r.getHeader(HttpHeaders.EXPECT) == null // the resource answers "100 Continue" itself
                && r.getCookie("organiser") == null // organisers' writes pass OrganiserCookieGuard
                && lane.mayAnswer(rc);
    }

    private void sign(RoutingContext rc) {
        SignRequest request = rc.body().available() ? parse(rc.body().buffer()) : null;
        SigningTarget letter = request == null || !request.problems().isEmpty()
                ? null
                : letters.freshOpenLetter(rc.pathParam("slug")).orElse(null);
        if (letter == null) {
            rc.next();
            return;
        }
        ClientNetwork.Networks client = network.networks(rc.request());
        String language = languages.of(rc.request()).toLanguageTag();
        Context context = Vertx.currentContext();
        Runnable start = () -> start(rc, context, letter, request, client, language);
        if (guard.limitsBlock()) {
            context.executeBlocking(
                    () -> {
                        start.run();
                        return null;
                    },
                    false);
        } else {
            start.run();
        }
    }

    private void start(
            RoutingContext rc,
            Context context,
            SigningTarget letter,
            SignRequest request,
            ClientNetwork.Networks client,
            String language) {
        CompletableFuture<Receipt> first;
        try {
            first = guard.signFirst(letter, request, client, language);
        } catch (TooManyRequests refused) {
            context.runOnContext(v -> rc.next()); // a refusal spends nothing: the resource refuses it in its words
            return;
        } catch (RuntimeException e) {
            context.runOnContext(v -> failed(rc, e));
            return;
        }
        first.whenComplete((receipt, e) -> context.runOnContext(v -> {
            if (e != null) {
                failed(rc, e);
            } else if (receipt != null) {
                answered.increment();
                answer(rc, 202, "application/json;charset=UTF-8", receipt);
            } else {
                context.executeBlocking(() -> guard.signAgain(letter, request, client.network(), language), false)
                        .onSuccess(again -> {
                            answered.increment();
                            answer(rc, 202, "application/json;charset=UTF-8", again);
                        })
                        .onFailure(again -> failed(rc, again));
            }
        }));
    }

    private void failed(RoutingContext rc, Throwable e) {
        Problem problem = ErrorMappers.apiFailure(
                e instanceof CompletionException && e.getCause() != null ? e.getCause() : e, rc.normalizedPath());
        answer(rc, problem.status(), Problem.MEDIA_TYPE, problem);
    }

    private void answer(RoutingContext rc, int status, String type, Object entity) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed()) {
            return; // the client went away; what was stored stays stored
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a receipt or a problem always serialises
        }
        lane.answering(rc);
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, type).end(Buffer.buffer(bytes));
    }

    private SignRequest parse(Buffer buffer) {
        try {
            return json.readValue(buffer.getBytes(), SignRequest.class);
        } catch (IOException | RuntimeException unreadable) {
            return null; // the resource says where it is unreadable
        }
    }

    /** {@code application/json}, in UTF-8 (what the resource reads without further ado). */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        if (semicolon < 0) {
            return contentType.strip().equalsIgnoreCase("application/json");
        }
        String parameter = contentType.substring(semicolon + 1).replace(" ", "").toLowerCase(Locale.ROOT);
        return contentType.substring(0, semicolon).strip().equalsIgnoreCase("application/json")
                && (parameter.equals("charset=utf-8") || parameter.equals("charset=\"utf-8\""));
    }

    /** No Accept header, or one that plainly takes JSON; any other is for the resource to negotiate. */
    static boolean acceptsJson(String accept) {
        return accept == null
                || accept.equals("*/*")
                || accept.equalsIgnoreCase("application/json")
                || accept.equalsIgnoreCase("application/json, */*");
    }

    private static boolean isSmall(String contentLength) {
        if (contentLength == null || contentLength.isEmpty() || contentLength.length() > 6) {
            return false;
        }
        for (int i = 0; i < contentLength.length(); i++) {
            if (contentLength.charAt(i) < '0' || contentLength.charAt(i) > '9') {
                return false;
            }
        }
        int length = Integer.parseInt(contentLength);
        return length > 0 && length <= BODY_MAX;
    }
}
