package org.undersigned.demo;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Demo data never reaches a real deployment: the packaged application (launch mode NORMAL) refuses to start with the
 * setting on. Failing the start is the loud way: a warning could scroll by while made-up signers and an organiser
 * sign-in without proof went live; a refused start is seen and fixed before anyone relies on the service.
 */
@ApplicationScoped
class DemoGuard {

    private final DemoConfig config;

    DemoGuard(DemoConfig config) {
        this.config = config;
    }

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        check(config.enabled(), LaunchMode.current());
    }

    /** Throws when the demo is asked for where it may not run. */
    static void check(boolean enabled, LaunchMode mode) {
        if (enabled && mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("undersigned.demo.enabled=true is refused in the packaged application: "
                    + "demo data (made-up signatures, an organiser sign-in without proof) is for dev mode only. "
                    + "Remove UNDERSIGNED_DEMO_ENABLED or the undersigned.demo.enabled setting and start again.");
        }
    }

    /** Whether the demo is on here (never in the packaged application, which would not have started). */
    boolean on() {
        return config.enabled() && LaunchMode.current() != LaunchMode.NORMAL;
    }
}
