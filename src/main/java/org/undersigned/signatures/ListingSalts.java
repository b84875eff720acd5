package org.undersigned.signatures;

import io.quarkus.arc.DefaultBean;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Salts for listing commitments: 128 random bits each, from a SecureRandom; a test may put a seeded source in its
 * place to replay a scenario byte for byte.
 */
@Singleton
@DefaultBean
public class ListingSalts {

    private final SecureRandom random = new SecureRandom();

    /** 16 random bytes in lower-case hex. */
    public String next() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
