-- schemacog migration for postgres
-- from: old.yaml (fingerprint a37da0594fa86528)
-- to: new.yaml (fingerprint 23752028e8b5ed38)

BEGIN;

-- in place: rename constraint name_a to sc-rename-1
ALTER TABLE t RENAME CONSTRAINT name_a TO "sc-rename-1";

-- in place: rename constraint name_b to sc-rename-2
ALTER TABLE t RENAME CONSTRAINT name_b TO "sc-rename-2";

-- in place: rename constraint sc-rename-1 to name_b
ALTER TABLE t RENAME CONSTRAINT "sc-rename-1" TO name_b;

-- in place: rename constraint sc-rename-2 to name_a
ALTER TABLE t RENAME CONSTRAINT "sc-rename-2" TO name_a;

COMMIT;
