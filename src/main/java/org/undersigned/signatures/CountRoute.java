package org.undersigned.signatures;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The most polled URL, {@code GET /api/letters/<slug>/count}, answered by Vert.x on the I/O thread from the reply
 * {@link SignatureApi#count} made within the counts' cache time: the same bytes and headers, without the resource
 * layer. A request that is conditional, or finds no such reply, goes on to {@link SignatureApi#count}, which reads
 * the counts and makes the next reply. The filters (security headers and the rest) run before either.
 */
@ApplicationScoped
class CountRoute {

    private final Signatories signatories;

    CountRoute(Signatories signatories) {
        this.signatories = signatories;
    }

    void register(@Observes Router router) {
        router.get("/api/letters/:slug/count").handler(this::answer);
    }

    private void answer(RoutingContext rc) {
        Signatories.CountReply reply = rc.request().headers().contains(HttpHeaders.IF_NONE_MATCH)
                ? null
                : signatories.freshCountReply(rc.pathParam("slug"));
        if (reply == null) {
            rc.next();
            return;
        }
        rc.response()
                .putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Access-Control-Expose-Headers", "ETag")
                .putHeader("Cache-Control", SignatureApi.COUNT_CACHE_CONTROL)
                .putHeader("Content-Type", "application/json")
                .putHeader("ETag", "\"" + reply.revision() + "\"")
                .end(Buffer.buffer(reply.json()));
    }
}
