package org.undersigned.attestations;

import io.smallrye.config.ConfigMapping;
import org.undersigned.web.PrivateKeyConfig;

/** The keys under {@code undersigned.attestations}: the attestation signing key. */
@ConfigMapping(prefix = "undersigned.attestations")
interface AttestationsConfig extends PrivateKeyConfig {}
