-- schemacog migration for sqlite
-- from: old.yaml (fingerprint 9aa3ccad3f96018d)
-- to: new.yaml (fingerprint 714fd64dd709c75f)

PRAGMA foreign_keys = OFF;

BEGIN;

-- in place: add column parent.score
ALTER TABLE parent ADD COLUMN score INTEGER CONSTRAINT ck_parent_score_min CHECK (score >= 0) CONSTRAINT ck_parent_score_max CHECK (score <= 2147483647);

-- in place: add column child.flag
ALTER TABLE child ADD COLUMN flag INTEGER NOT NULL DEFAULT FALSE CONSTRAINT ck_child_flag_boolean CHECK (flag IN (0, 1));

COMMIT;

PRAGMA foreign_keys = ON;
