-- schemacog migration for sqlite
-- from: old.yaml (fingerprint 4294e5a68f11cf21)
-- to: new.yaml (fingerprint 7c436e2b18d76f16)

PRAGMA foreign_keys = OFF;

-- data check: parent.code: max_length (length(code) <= 50): no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break parent.code: max_length') FROM (SELECT count(*) AS n FROM (SELECT code AS code FROM parent) AS s WHERE NOT (length(code) <= 50)) AS c WHERE c.n > 0;

-- data check: child.ref: max_length (length(ref) <= 50): no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break child.ref: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, ref AS ref FROM child) AS s WHERE NOT (length(ref) <= 50)) AS c WHERE c.n > 0;

BEGIN;

-- table rebuild: copy the rows of parent aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT code FROM parent;

-- table rebuild: copy the rows of child aside
CREATE TEMPORARY TABLE "sc-old-2" AS SELECT id, ref FROM child;

-- table rebuild: drop table child (its rows are copied aside)
DROP TABLE child;

-- table rebuild: drop table parent (its rows are copied aside)
DROP TABLE parent;

-- table rebuild: create the rebuilt table parent from the new schema
CREATE TABLE parent (
    code TEXT NOT NULL CONSTRAINT pk_parent PRIMARY KEY CONSTRAINT ck_parent_code_max_length CHECK (length(code) <= 50) CONSTRAINT ck_parent_code_nul CHECK (instr(code, char(0)) = 0)
);

-- table rebuild: create the rebuilt table child from the new schema
CREATE TABLE child (
    id INTEGER NOT NULL CONSTRAINT pk_child PRIMARY KEY CONSTRAINT ck_child_id_min CHECK (id >= -2147483648) CONSTRAINT ck_child_id_max CHECK (id <= 2147483647),
    ref TEXT CONSTRAINT ck_child_ref_max_length CHECK (length(ref) <= 50) CONSTRAINT ck_child_ref_nul CHECK (instr(ref, char(0)) = 0) CONSTRAINT fk_child_ref REFERENCES parent (code)
);

-- table rebuild: put the rows of parent back, converted
INSERT INTO parent (code)
SELECT o.code FROM "sc-old-1" AS o;

-- table rebuild: put the rows of child back, converted
INSERT INTO child (id, ref)
SELECT o.id, o.ref FROM "sc-old-2" AS o;

-- table rebuild: drop the copy of parent's old rows
DROP TABLE "sc-old-1";

-- table rebuild: drop the copy of child's old rows
DROP TABLE "sc-old-2";

COMMIT;

PRAGMA foreign_keys = ON;
