package org.undersigned.web;

import java.util.List;

/**
 * A token bucket: {@code tokens} at {@code at} (nanoseconds on some clock). It refills continuously at
 * {@code perSecond} up to {@code capacity}; an absent bucket is full. A request takes one token from each of its
 * buckets, or from none when any of them is short. {@link RateLimitRepository} does the same arithmetic in SQL.
 */
record TokenBucket(double tokens, long at) {

    /** The bucket refilled up to {@code now}. */
    static TokenBucket refill(TokenBucket before, long now, double capacity, double perSecond) {
        double tokens =
                before == null ? capacity : Math.min(capacity, before.tokens + (now - before.at) / 1e9 * perSecond);
        return new TokenBucket(tokens, now);
    }

    TokenBucket less(double taken) {
        return new TokenBucket(tokens - taken, at);
    }

    /** A refilled bucket's level and its refill rate. */
    record Level(double tokens, double perSecond) {}

    /** Whole seconds until every bucket holds a token (0: the request may take them now). */
    static long wait(List<Level> levels) {
        long wait = 0;
        for (Level l : levels) {
            if (l.tokens() < 1) {
                wait = Math.max(wait, Math.max(1, (long) Math.ceil((1 - l.tokens()) / l.perSecond())));
            }
        }
        return wait;
    }
}
