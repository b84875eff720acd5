-- pgbench script for bench/log.sh: one event waiting for the sequencer, as the app writes it (PendingRepository.add):
-- a canonical JSON signature entry (about 300 bytes, 64-hex signer id and listing commitment) with the count effect
-- of a confirmation (the signer becomes live: +1 to the total, its identity method, affiliation level and version).
-- Variable: -D letter_id=<id>.
\set r random(1, 1000000000)
INSERT INTO log_pending (letter_id, entry, signature_seq, effect, created_at)
VALUES (:letter_id,
        '{"evidence":["email"],"letter":"' || (SELECT slug FROM letter WHERE id = :letter_id) || '","listing":"' || md5(:r::text) || md5((:r + 1)::text)
        || '","signer":"' || md5((:r + 2)::text) || md5((:r + 3)::text)
        || '","textSha256":"5f1d7a0c3e9b2d4f6a8c0e2b4d6f8a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f","time":"'
        || to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '","type":"signature","v":1,"version":1}',
        :r, '{"delta":1,"keys":{"identity":"email","level":"none","version":"1"},"dimension":null,"from":null,"to":null}',
        now());
