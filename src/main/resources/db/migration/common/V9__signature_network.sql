-- For bulk invalidation by client network: a keyed hash of the network a sign-up came from (never the address).
ALTER TABLE signature ADD COLUMN network_tag VARCHAR(32);
CREATE INDEX signature_network ON signature (letter_id, network_tag);
