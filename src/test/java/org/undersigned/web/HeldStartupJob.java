package org.undersigned.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A start-up job that, with {@code undersigned.test.hold-start=true} (StartupJobsTest's profile), holds the start-up
 * before every other job until the test lets it go, so the test sees the service while it is still starting. In
 * every other test it does nothing.
 */
@ApplicationScoped
public class HeldStartupJob implements StartupJob {

    static final CountDownLatch RELEASE = new CountDownLatch(1);

    private final boolean hold;

    HeldStartupJob(@ConfigProperty(name = "undersigned.test.hold-start", defaultValue = "false") boolean hold) {
        this.hold = hold;
    }

    @Override
    public int order() {
        return Integer.MIN_VALUE;
    }

    @Override
    public void runAtStart() throws InterruptedException {
        if (hold && !RELEASE.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("StartupJobsTest never let the start-up go on");
        }
    }
}
