package org.undersigned.signatures;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.undersigned.web.EarlyLane;

/**
 * The most polled URL, {@code GET /api/letters/<slug>/count}, answered by Vert.x on the I/O thread from the reply
 * {@link SignatureApi#count} made within the counts' cache time: the same bytes and headers, without the resource
 * layer. A request that is conditional, or finds no such reply, goes on to {@link SignatureApi#count}, which reads
 * the counts and makes the next reply. The reply from memory is sent in the {@link EarlyLane}, before the filters;
 * {@link SignatureApi#count} runs after them.
 */
@ApplicationScoped
class CountRoute {

    private final Signatories signatories;
    private final EarlyLane lane;

    CountRoute(Signatories signatories, EarlyLane lane) {
        this.signatories = signatories;
        this.lane = lane;
    }

    void register(@Observes Router router) {
        lane.get(router, "/api/letters/:slug/count").handler(this::answer);
    }

    private void answer(RoutingContext rc) {
        Signatories.CountReply reply = rc.request().headers().contains(HttpHeaders.IF_NONE_MATCH)
                ? null
                : signatories.freshCountReply(rc.pathParam("slug"));
        if (reply == null || !lane.admits(rc)) {
            rc.next();
            return;
        }
        lane.secure(rc);
        rc.response()
                .putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("Access-Control-Expose-Headers", "ETag")
                .putHeader("Cache-Control", SignatureApi.COUNT_CACHE_CONTROL)
                .putHeader("Content-Type", "application/json")
                .putHeader("ETag", "\"" + reply.revision() + "\"")
                .end(Buffer.buffer(reply.json()));
    }
}
