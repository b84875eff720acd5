package org.undersigned.web;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Who sends the requests, in five-minute windows, to notice a proxy nobody declared: when over 90% of a window's
 * requests come from one private address, that address is almost surely an ingress or gateway, and every visitor
 * shares its rate-limit bucket. Private addresses are counted one by one (the few proxies in front of an app);
 * the rest only add to the total, so memory stays small whoever calls. Lock-free: it sits on every request.
 */
final class PeerShares {

    static final Duration WINDOW = Duration.ofMinutes(5);
    /** Fewer requests than this in a window say nothing about who sends them. */
    static final long MIN_REQUESTS = 20;
    /** Private addresses counted per window; past that many, none of them can hold 90%. */
    static final int MAX_TRACKED = 1_000;

    /** A window in which one private address sent over 90% of the requests. */
    record Dominance(String address, long requests, long total, Instant windowEnd) {
        long percent() {
            return requests * 100 / total;
        }
    }

    private record Window(long index, LongAdder total, Map<String, LongAdder> byPrivate) {
        Window(long index) {
            this(index, new LongAdder(), new ConcurrentHashMap<>());
        }
    }

    private final Clock clock;
    private final Consumer<Dominance> onDominated;
    private final AtomicReference<Window> current;
    private volatile Optional<Dominance> last = Optional.empty();

    /** {@code onDominated} hears of each dominated window once, when it ends. */
    PeerShares(Clock clock, Consumer<Dominance> onDominated) {
        this.clock = clock;
        this.onDominated = onDominated;
        this.current = new AtomicReference<>(new Window(index()));
    }

    /**
     * Counts a request from {@code peer}, a literal address (anything else is not counted). A private address
     * already counted in this window is found by its text, without parsing it again: the common case, since the
     * few proxies in front of an app send the bulk of the requests when the warning matters.
     */
    void record(String peer) {
        Window w = window();
        LongAdder n = w.byPrivate().get(peer);
        if (n == null) {
            Optional<InetAddress> address = ClientNetwork.address(peer);
            if (address.isEmpty()) {
                return;
            }
            if (isPrivate(address.get()) && w.byPrivate().size() < MAX_TRACKED) {
                n = w.byPrivate().computeIfAbsent(peer, k -> new LongAdder());
            }
        }
        w.total().increment();
        if (n != null) {
            n.increment();
        }
    }

    /** The dominance in the last complete window, if one private address sent over 90% of its requests. */
    Optional<Dominance> lastWindow() {
        window();
        return last;
    }

    /**
     * Loopback (a sidecar proxy), RFC 1918, link-local, the RFC 6598 shared range (some clusters' pod networks)
     * and IPv6 unique-local addresses: where a proxy inside the deployment connects from.
     */
    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        return b.length == 4 ? (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 : (b[0] & 0xfe) == 0xfc;
    }

    private long index() {
        return clock.millis() / WINDOW.toMillis();
    }

    /** The window for now; whoever moves on to a new window concludes the old one, exactly once. */
    private Window window() {
        long index = index();
        Window w = current.get();
        while (w.index() != index) {
            Window next = new Window(index);
            if (current.compareAndSet(w, next)) {
                Optional<Dominance> ended = dominance(w);
                ended.ifPresent(onDominated);
                // after a window nobody called in, the last complete window is that empty one
                last = w.index() == index - 1 ? ended : Optional.empty();
                return next;
            }
            w = current.get();
        }
        return w;
    }

    private static Optional<Dominance> dominance(Window w) {
        long total = w.total().sum();
        if (total < MIN_REQUESTS) {
            return Optional.empty();
        }
        return w.byPrivate().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().sum()))
                .max(Map.Entry.comparingByValue())
                .filter(e -> e.getValue() * 10 > total * 9)
                .map(e -> new Dominance(
                        e.getKey(), e.getValue(), total, Instant.ofEpochMilli((w.index() + 1) * WINDOW.toMillis())));
    }
}
