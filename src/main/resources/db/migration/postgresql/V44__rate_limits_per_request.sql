-- Abuse limits as token buckets, all of a request's limits in one call (web.RateLimiter), instead of bucket4j's
-- serialised state behind a lock, a read and a write, one transaction per limit. A row is a
-- bucket: its tokens at `at`, refilled at per_second up to capacity; at expires_at it is full again, the same as no
-- row, so it may go. No index besides the key: every request updates its rows, and such updates stay on their page.
DROP TABLE rate_limit_bucket;

CREATE TABLE rate_limit (
    id         TEXT PRIMARY KEY,
    tokens     DOUBLE PRECISION NOT NULL,
    capacity   DOUBLE PRECISION NOT NULL,
    per_second DOUBLE PRECISION NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
) WITH (fillfactor = 70);

-- Takes one token from each bucket (distinct ids) if every one holds a token, else none (the arithmetic of
-- web.TokenBucket): refills each to now, creating it full, and locks it, in key order so that two requests sharing
-- buckets never deadlock. Returns 0, or the seconds until every bucket holds a token. One round trip per request,
-- committed without waiting for the disk: a crash forgets at most the last moment's takes, which costs nothing.
CREATE FUNCTION rate_limit_take(ids TEXT[], capacities DOUBLE PRECISION[], rates DOUBLE PRECISION[])
    RETURNS DOUBLE PRECISION
    LANGUAGE plpgsql AS $$
DECLARE
    wait DOUBLE PRECISION;
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    WITH refilled AS (
        INSERT INTO rate_limit AS b (id, tokens, capacity, per_second, at, expires_at)
        SELECT k.id, k.capacity, k.capacity, k.per_second, now(), now()
        FROM unnest(ids, capacities, rates) AS k(id, capacity, per_second)
        ORDER BY k.id
        ON CONFLICT (id) DO UPDATE SET
            tokens = LEAST(EXCLUDED.capacity, b.tokens + EXTRACT(EPOCH FROM now() - b.at) * EXCLUDED.per_second),
            capacity = EXCLUDED.capacity,
            per_second = EXCLUDED.per_second,
            at = now(),
            expires_at = now() + make_interval(secs => (EXCLUDED.capacity
                - LEAST(EXCLUDED.capacity, b.tokens + EXTRACT(EPOCH FROM now() - b.at) * EXCLUDED.per_second))
                / EXCLUDED.per_second)
        RETURNING tokens, per_second)
    SELECT COALESCE(MAX((1 - tokens) / per_second) FILTER (WHERE tokens < 1), 0) INTO wait FROM refilled;
    IF wait = 0 THEN
        UPDATE rate_limit SET tokens = tokens - 1, expires_at = expires_at + make_interval(secs => 1 / per_second)
        WHERE id = ANY(ids);
    END IF;
    RETURN wait;
END
$$;

DO $$
DECLARE
    app TEXT := '${app_role}';
BEGIN
    IF app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit TO %I', app);
END
$$;
