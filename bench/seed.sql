-- bench/run.sh: gives the bench letter :n more confirmed signatures, stored as a confirmation stores them (the
-- signature row and its event waiting for the sequencer, whose effect adds the signer to the counts), so that the
-- app's own sequencer logs and counts them. Names are drawn from 40 x 40 given and family names with a serial
-- number, so a name search finds many people or none. A quarter are private, as sign-ups choose.
-- Variables: -v letter=<slug> -v n=<how many>.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE seed ON COMMIT DROP AS
SELECT g,
       (ARRAY['Anna','Ben','Carla','David','Elena','Farid','Grace','Hiro','Ines','Jonas','Kofi','Lena','Marco',
              'Nadia','Omar','Priya','Quentin','Rosa','Sven','Tara','Umar','Vera','Wei','Xenia','Yusuf','Zoe',
              'Amir','Bianca','Chen','Dara','Emil','Fatima','Goran','Hana','Ivan','Julia','Kenji','Laila','Mateo',
              'Noor'])[1 + (g * 7) % 40]
       || ' ' ||
       (ARRAY['Smith','Muller','Garcia','Rossi','Nguyen','Kowalski','Tanaka','Okafor','Silva','Johansson',
              'Dubois','Novak','Haddad','Kim','Singh','Ivanova','Lopez','Berg','Costa','Fischer','Moreau','Sato',
              'Adeyemi','Petrov','Jensen','Romero','Cohen','Yilmaz','Larsen','Mendes','Horvat','Popescu','Bakker',
              'Nowak','Kaur','Ahmed','Park','Walsh','Quinn','Ortiz'])[1 + (g / 40) % 40]
       || ' ' || g AS name,
       CASE WHEN g % 4 = 0 THEN 'private' ELSE 'public' END AS listing
FROM generate_series(1, :n) g;

WITH l AS (SELECT id, slug FROM letter WHERE slug = :'letter'),
     v AS (SELECT version_number, text_sha256 FROM signature WHERE letter_id = (SELECT id FROM l) LIMIT 1),
     ins AS (
         INSERT INTO signature (id, letter_id, status, live_key, email, name, name_folded, listing, notify,
                                identity_method, affiliation_level, version_number, text_sha256, created_at,
                                confirmed_at, signer_id, listing_salt)
         SELECT gen_random_uuid(), l.id, 'CONFIRMED', 'seed-' || s.g || '@bench.example',
                'seed-' || s.g || '@bench.example', s.name, lower(s.name), s.listing, false, 'email', 'none',
                v.version_number, v.text_sha256, now(), now(), md5('signer' || s.g) || md5('signer2' || s.g),
                CASE WHEN s.listing = 'public' THEN md5('salt' || s.g) || md5('salt2' || s.g) END
         FROM seed s, l, v
         RETURNING seq, letter_id, listing, signer_id, version_number, text_sha256)
INSERT INTO log_pending (letter_id, entry, signature_seq, effect, created_at)
SELECT ins.letter_id,
       '{"evidence":["email"],"letter":"' || :'letter' || '",'
           || CASE WHEN ins.listing = 'public' THEN '"listing":"' || md5('listing' || ins.seq) || md5('l2' || ins.seq) || '",' ELSE '' END
           || '"signer":"' || ins.signer_id || '","textSha256":"' || ins.text_sha256 || '","time":"'
           || to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '","type":"signature","v":1,"version":'
           || ins.version_number || '}',
       ins.seq,
       '{"delta":1,"keys":{"identity":"email","level":"none","version":"' || ins.version_number
           || '"},"dimension":null,"from":null,"to":null}',
       now()
FROM ins;
COMMIT;
