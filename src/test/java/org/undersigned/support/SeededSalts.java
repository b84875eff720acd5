package org.undersigned.support;

import jakarta.inject.Singleton;
import java.util.HexFormat;
import java.util.Random;
import org.undersigned.signatures.ListingSalts;

/** Listing salts in tests: random as in production, unless a test seeds them to replay a scenario. */
@Singleton
public class SeededSalts extends ListingSalts {

    private Random seeded;

    public synchronized void seed(long seed) {
        seeded = new Random(seed);
    }

    public synchronized void reset() {
        seeded = null;
    }

    @Override
    public synchronized String next() {
        if (seeded == null) {
            return super.next();
        }
        byte[] bytes = new byte[16];
        seeded.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
