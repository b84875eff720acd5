package org.undersigned.web;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An Ed25519 signing key that configuration may give, as keys of the feature mapping that extends this:
 * {@code <prefix>.private-key} (base64 of the 32-byte seed) or {@code <prefix>.private-key-file} (a file holding it,
 * e.g. a mounted Kubernetes Secret). Production must give one; dev and test generate it ({@link AppSecrets}).
 */
public interface PrivateKeyConfig {

    Optional<String> privateKey();

    Optional<Path> privateKeyFile();
}
