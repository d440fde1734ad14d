-- schemacog migration for mariadb
-- from: old.yaml (fingerprint f2153627e7279b20)
-- to: new.yaml (fingerprint 3e14f63930504f26)

SET SESSION foreign_key_checks = 0;

START TRANSACTION;

-- in place: add column parent.score
ALTER TABLE parent ADD COLUMN score INT, ADD CONSTRAINT ck_parent_score_min CHECK (score >= 0);

-- in place: add column child.flag
ALTER TABLE child ADD COLUMN flag BOOLEAN NOT NULL DEFAULT FALSE, ADD CONSTRAINT ck_child_flag_boolean CHECK (flag IN (0, 1));

COMMIT;

SET SESSION foreign_key_checks = 1;
