package org.undersigned.support;

import jakarta.ws.rs.container.ResourceInfo;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Counts, per resource method ({@code Class.method}), the requests that got past routing, security and every
 * other request filter and were handed to the method: this filter runs last (highest priority number). A test can
 * thus tell a suite whose requests reach the code from one whose requests are all refused at the door.
 */
public class HandlerReach {

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    @ServerRequestFilter(priority = Integer.MAX_VALUE)
    void count(ResourceInfo resource) {
        if (resource.getResourceMethod() != null) {
            String key = resource.getResourceClass().getSimpleName() + "."
                    + resource.getResourceMethod().getName();
            COUNTS.computeIfAbsent(key, k -> new LongAdder()).increment();
        }
    }

    /** The counts so far, by {@code Class.method}. */
    public static Map<String, Long> counts() {
        Map<String, Long> copy = new TreeMap<>();
        COUNTS.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public static void reset() {
        COUNTS.clear();
    }
}
