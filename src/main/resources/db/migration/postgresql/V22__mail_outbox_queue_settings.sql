-- The outbox is a queue: a row is inserted, leased (an update) and deleted within seconds. Room kept free on each
-- page lets the lease stay on the row's page (a heap-only update: no new index entries, pruned without a vacuum),
-- and the table is vacuumed and analysed after ten thousand changes rather than a fifth of its size, so that claims
-- do not walk past the index entries of rows long sent (docs/ARCHITECTURE.md#mail).
ALTER TABLE mail_outbox SET (
    fillfactor = 70,
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 10000,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 10000
);
