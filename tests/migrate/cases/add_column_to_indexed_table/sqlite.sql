-- schemacog migration for sqlite
-- from: old.yaml (fingerprint cc4a04da13e84500)
-- to: new.yaml (fingerprint 3767994188f5070a)

PRAGMA foreign_keys = OFF;

BEGIN;

-- in place: add column note.stars
ALTER TABLE note ADD COLUMN stars INTEGER NOT NULL DEFAULT 7 CONSTRAINT ck_note_stars_min CHECK (stars >= -2147483648) CONSTRAINT ck_note_stars_max CHECK (stars <= 2147483647);

COMMIT;

PRAGMA foreign_keys = ON;
