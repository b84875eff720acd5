-- bucket4j's table for rate limits shared by all replicas (PostgreSQL only; dev mode keeps buckets in memory).
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(200) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
