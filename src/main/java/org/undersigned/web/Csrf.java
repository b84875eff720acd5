package org.undersigned.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ForbiddenException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * CSRF protection for HTML forms (no CSRF extension is available): a double-submit token. Every visitor gets a
 * random token in an HttpOnly, SameSite=Lax cookie; forms carry the same token in a hidden field ({csrf:token} in
 * templates); a form POST whose field does not match its cookie, or that a browser marks as cross-site, is refused.
 * A cross-site page can neither read the cookie nor set it, so it cannot forge a matching pair.
 * The JSON API needs no token: it accepts only application/json, which a browser cannot send cross-site without a
 * CORS preflight that this service never grants for writes.
 */
@ApplicationScoped
public class Csrf {

    static final String COOKIE = "csrf";
    public static final String FIELD = "csrf";
    private static final String KEY = "undersigned.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Stands for the visitor's token in pages rendered once for everyone; random so no content can contain it. */
    private static final String PLACEHOLDER =
            "csrf-" + Base64.getUrlEncoder().withoutPadding().encodeToString(RANDOM.generateSeed(24));

    private static final ThreadLocal<Boolean> SHARED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final CurrentVertxRequest current;
    private final boolean secure;

    Csrf(CurrentVertxRequest current, PublicUrl publicUrl) {
        this.current = current;
        this.secure = publicUrl.secure();
    }

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    rc.put(KEY, token(rc));
                    rc.next();
                },
                90);
    }

    /**
     * This request's token: its cookie's, or for a GET of a page that may hold forms a new one, set as the cookie
     * of the answer; none (null) for other requests without a valid cookie.
     */
    String token(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(COOKIE);
        String token = cookie != null && cookie.getValue().matches("[A-Za-z0-9_-]{43}") ? cookie.getValue() : null;
        if (token == null && "GET".equals(rc.request().method().name()) && hasForms(rc.normalizedPath())) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            rc.response()
                    .addCookie(Cookie.cookie(COOKIE, token)
                            .setPath("/")
                            .setHttpOnly(true)
                            .setSecure(secure)
                            .setSameSite(CookieSameSite.LAX));
        }
        return token;
    }

    /**
     * Whether a GET of this path can answer a page with forms: the API and the log never do, so their answers (a
     * count polled by scripts, tiles) set no cookie and cost no random bytes.
     */
    static boolean hasForms(String path) {
        return !path.startsWith("/api/") && !path.startsWith("/log/");
    }

    /** The token to put in a form's hidden field. */
    public String token() {
        if (SHARED.get()) {
            return PLACEHOLDER;
        }
        RoutingContext rc = current.getCurrent();
        return rc == null ? "" : String.valueOf(rc.<String>get(KEY));
    }

    /**
     * Renders a page that every visitor may share (a cache entry): forms in it carry a placeholder that
     * {@link #personalise} replaces with each visitor's own token.
     */
    public SharedPage renderShared(Supplier<String> render) {
        SHARED.set(Boolean.TRUE);
        try {
            return SharedPage.split(render.get(), PLACEHOLDER);
        } finally {
            SHARED.remove();
        }
    }

    /** A shared page with this visitor's token in its forms, as UTF-8. */
    public byte[] personalise(SharedPage page) {
        return page.with(token());
    }

    /**
     * As {@link #personalise(SharedPage)}, for a request answered in the {@link EarlyLane}, before this class's
     * filter: the token is taken (or made, with its cookie) here.
     */
    public byte[] personalise(SharedPage page, RoutingContext rc) {
        return page.with(String.valueOf(token(rc)));
    }

    /** Refuses a form submission whose token is missing or does not match this browser's cookie. */
    public void verify(String submitted) {
        RoutingContext rc = current.getCurrent();
        String expected = rc == null ? null : rc.get(KEY);
        String site = rc == null ? null : rc.request().getHeader("Sec-Fetch-Site");
        boolean matches = expected != null
                && submitted != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.US_ASCII));
        if (!matches || "cross-site".equals(site)) {
            throw new ForbiddenException("This form could not be accepted: it has expired or was sent from another "
                    + "site. Go back, reload the page and send it again; nothing you typed is stored until then.");
        }
    }

    /** Lets every template, user tags included, write {csrf:token}. */
    static final class Templates {
        private Templates() {}

        @TemplateExtension(namespace = "csrf")
        static String token() {
            return Arc.container().instance(Csrf.class).get().token();
        }
    }
}
