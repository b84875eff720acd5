package org.undersigned.organisers;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.undersigned.web.PublicUrl;

/**
 * The organiser cookie also authorises the JSON API, so a write to it that carries the cookie but was sent by
 * another site is refused. SameSite=Lax keeps the cookie off cross-site POSTs in current browsers; this covers the
 * rest (a neighbouring subdomain is "same-site", older browsers) with the Fetch Metadata and Origin headers that
 * browsers add to every such request. A bearer token in a header is not ambient, so it is not checked.
 */
class OrganiserCookieGuard {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final String origin;

    OrganiserCookieGuard(PublicUrl publicUrl) {
        this.origin = publicUrl.origin();
    }

    @ServerRequestFilter
    void refuseWritesFromOtherSites(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())
                || !request.getCookies().containsKey(OrganiserPages.COOKIE)
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || !request.getUriInfo().getRequestUri().getPath().startsWith("/api/")) {
            return;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        String from = request.getHeaderString("Origin");
        if ("cross-site".equals(site) || "same-site".equals(site) || (from != null && !from.equals(origin))) {
            throw new ForbiddenException("This organiser action was sent from another site (" + from
                    + ") with your sign-in cookie, so it was refused and nothing changed. Act from " + origin
                    + ", or send an organiser token in an Authorization: Bearer header.");
        }
    }
}
