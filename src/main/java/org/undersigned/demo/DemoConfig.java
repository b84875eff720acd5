package org.undersigned.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The keys under {@code undersigned.demo} (on in {@code %dev} only; see {@link DemoGuard}). */
@ConfigMapping(prefix = "undersigned.demo")
interface DemoConfig {

    /** Sample signatures on the demo letters and the "continue as the demo organiser" button. */
    @WithDefault("false")
    boolean enabled();

    /** The letters (slugs) to give sample signatures; none: every published letter that takes signatures. */
    Optional<List<String>> letters();

    /** Sample signers per letter, before the few the impersonation guard holds. */
    @WithDefault("240")
    int signatures();
}
