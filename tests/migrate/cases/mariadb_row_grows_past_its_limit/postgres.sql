-- schemacog migration for postgres
-- from: old.yaml (fingerprint a801668c55b9dcb6)
-- to: new.yaml (fingerprint 437a3a2d3829c24c)

BEGIN;

-- in place: add column wide.e
ALTER TABLE wide ADD COLUMN e text CONSTRAINT ck_wide_e_max_length CHECK (char_length(e) <= 4000);

COMMIT;
