-- Searching a letter's signatories by name (?q=, a substring of the folded name) must not read every signature of
-- a large letter to find that a name is not there: a trigram index serves LIKE '%…%' for three characters or more.
-- pg_trgm ships with PostgreSQL and is a trusted extension, so the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- Only listed names are searched, so only they are indexed: sign-ups (pending) and private signers never enter it.
CREATE INDEX signature_name_search ON signature USING gin (name_folded gin_trgm_ops)
    WHERE status = 'CONFIRMED' AND listing = 'public';
-- Which way is faster depends on the name: a rare one through this index, a common one (thousands of matches) by
-- walking the list in order until a page is full. A finer histogram of folded names lets the planner tell them apart.
ALTER TABLE signature ALTER COLUMN name_folded SET STATISTICS 1000;
