package org.undersigned.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Security headers on every response. The Content-Security-Policy allows scripts, styles and images from this
 * origin only, so even a sanitiser bug could not run injected script. Quarkus' own tools under /q/ (Swagger UI)
 * need inline script and are left without the CSP. When the public URL is https, every answer also tells browsers
 * to use https only (HSTS), so a later visit cannot be downgraded by a network attacker.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /**
     * The verify page may also ask witnesses, wherever the reader says they are (addresses in the page's fragment),
     * for the checkpoint they last cosigned: it alone may connect elsewhere. It shows no user content and holds no
     * secret, so a wider connect-src gives an injected script nothing to take.
     */
    static final String VERIFY_CSP = CSP.replace("connect-src 'self'", "connect-src 'self' https: http:");

    /** One year, this host and its subdomains; no preload, which an operator must ask for knowingly. */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private static final Pattern VERIFY_PAGE = Pattern.compile("/letters/[a-z0-9-]+/verify");

    /**
     * An archived copy is a third party's page served from this origin: sandboxed, so that as a document it runs
     * no script, submits no form and has an opaque origin, and nothing it refers to is loaded.
     */
    static final String ARCHIVE_CSP = "sandbox; default-src 'none'";

    private static final Pattern ARCHIVE_COPY = Pattern.compile("/letters/[a-z0-9-]+/archive/[0-9a-f]{64}");

    private final boolean https;

    SecurityHeaders(PublicUrl publicUrl) {
        this.https = publicUrl.secure();
    }

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    rc.addHeadersEndHandler(ignored -> apply(rc.response().headers(), rc.normalizedPath(), https));
                    rc.next();
                },
                100);
    }

    /** Sets the headers of an answer to {@code path}; {@code https} says whether the public URL is https. */
    static void apply(MultiMap headers, String path, boolean https) {
        if (!path.startsWith("/q/")) {
            headers.set(
                    "Content-Security-Policy",
                    ARCHIVE_COPY.matcher(path).matches()
                            ? ARCHIVE_CSP
                            : VERIFY_PAGE.matcher(path).matches() ? VERIFY_CSP : CSP);
        }
        if (https) {
            headers.set("Strict-Transport-Security", HSTS);
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    }
}
