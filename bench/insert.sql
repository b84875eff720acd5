-- pgbench script: the PostgreSQL baseline for the sign intake. One single-row INSERT per transaction into
-- bench_signature, a table shaped like a signature row (bigserial key, unique UUID, letter id, email, name,
-- timestamp), with a fresh UUID and a random email. bench/run.sh creates the table in the bench database:
--   CREATE TABLE bench_signature (seq bigserial PRIMARY KEY, id uuid NOT NULL UNIQUE, letter_id bigint NOT NULL,
--     email varchar(320), name varchar(200), created_at timestamptz NOT NULL DEFAULT now());
-- Run: pgbench -n -c 8 -j 2 -T 20 -f bench/insert.sql <database>
\set letter random(1, 2)
INSERT INTO bench_signature (id, letter_id, email, name)
VALUES (gen_random_uuid(), :letter, md5(random()::text) || '@example.org', 'Bench Signer');
