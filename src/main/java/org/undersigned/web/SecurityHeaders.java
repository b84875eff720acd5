package org.undersigned.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response. The Content-Security-Policy allows scripts, styles and images from this
 * origin only, so even a sanitiser bug could not run injected script. Quarkus' own tools under /q/ (Swagger UI)
 * need inline script and are left without the CSP.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    rc.addHeadersEndHandler(ignored -> {
                        var headers = rc.response().headers();
                        if (!rc.normalizedPath().startsWith("/q/")) {
                            headers.set("Content-Security-Policy", CSP);
                        }
                        headers.set("X-Content-Type-Options", "nosniff");
                        headers.set("Referrer-Policy", "no-referrer");
                        headers.set("X-Frame-Options", "DENY");
                        headers.set(
                                "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
                    });
                    rc.next();
                },
                100);
    }
}
