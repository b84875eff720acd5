package org.undersigned.organisers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.undersigned.web.PrivateKeyConfig;

/** The keys under {@code undersigned.organisers}: the token signing key, how long a signed-in token lives, the first admin's code. */
@ConfigMapping(prefix = "undersigned.organisers")
interface OrganisersConfig extends PrivateKeyConfig {

    @WithDefault("8h")
    Duration tokenLifetime();

    /** The first admin's one-time enrolment code; without it one is generated and printed in the log. */
    Optional<String> bootstrapCode();

    /** The whole key {@code undersigned.admins}: ORCID iDs who get the admin role when they sign in. */
    @ConfigMapping(prefix = "undersigned.admins")
    interface Admins {
        @WithParentName
        Optional<List<String>> iDs();
    }
}
