-- schemacog migration for postgres
-- from: old.yaml (fingerprint 5a2a89206df038e6)
-- to: new.yaml (fingerprint 4a2c35c38238a3d9)

BEGIN;

-- in place: add column note.stars
ALTER TABLE note ADD COLUMN stars integer NOT NULL DEFAULT 7;

COMMIT;
