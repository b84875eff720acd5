package org.undersigned.verification;

import io.smallrye.config.ConfigMapping;

/**
 * The keys under {@code undersigned.orcid}. The sign-in itself (OpenID Connect) is configured under
 * {@code quarkus.oidc.orcid}, whose tenant {@link #enabled} switches on.
 */
@ConfigMapping(prefix = "undersigned.orcid")
public interface OrcidConfig {

    /** Offer "Sign with ORCID" and ORCID sign-in for organisers. */
    boolean enabled();

    /** The ORCID public API read for employments, e.g. {@code https://pub.orcid.org}. */
    String apiUrl();
}
