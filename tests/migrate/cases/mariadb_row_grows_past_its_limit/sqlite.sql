-- schemacog migration for sqlite
-- from: old.yaml (fingerprint bb8da8c4532a33bc)
-- to: new.yaml (fingerprint 90bedb4c641f995d)

PRAGMA foreign_keys = OFF;

BEGIN;

-- in place: add column wide.e
ALTER TABLE wide ADD COLUMN e TEXT CONSTRAINT ck_wide_e_max_length CHECK (length(e) <= 4000) CONSTRAINT ck_wide_e_nul CHECK (instr(e, char(0)) = 0);

COMMIT;

PRAGMA foreign_keys = ON;
