-- schemacog migration for postgres
-- from: old.yaml (fingerprint 16a3eef6d510f352)
-- to: new.yaml (fingerprint c7a9758c1f4c662a)

BEGIN;

-- in place: add column parent.score
ALTER TABLE parent ADD COLUMN score integer CONSTRAINT ck_parent_score_min CHECK (score >= 0);

-- in place: add column child.flag
ALTER TABLE child ADD COLUMN flag boolean NOT NULL DEFAULT FALSE;

COMMIT;
