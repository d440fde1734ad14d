-- schemacog migration for sqlite
-- from: old.yaml (fingerprint 64eaf6dd2e22348b)
-- to: new.yaml (fingerprint 84ef6a926734b627)

PRAGMA foreign_keys = OFF;

BEGIN;

-- table rebuild: copy the rows of child aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, pid FROM child;

-- table rebuild: drop table child (its rows are copied aside)
DROP TABLE child;

-- table rebuild: create the rebuilt table child from the new schema
CREATE TABLE child (
    id INTEGER NOT NULL CONSTRAINT pk_child PRIMARY KEY CONSTRAINT ck_child_id_min CHECK (id >= -2147483648) CONSTRAINT ck_child_id_max CHECK (id <= 2147483647),
    pid INTEGER CONSTRAINT ck_child_pid_min CHECK (pid >= -2147483648) CONSTRAINT ck_child_pid_max CHECK (pid <= 100) CONSTRAINT fk_child_pid REFERENCES parent (id)
);

-- table rebuild: put the rows of child back, converted
INSERT INTO child (id, pid)
SELECT o.id, o.pid FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of child's old rows
DROP TABLE "sc-old-1";

COMMIT;

PRAGMA foreign_keys = ON;
