-- schemacog migration for duckdb
-- from: old.yaml (fingerprint bc5cc21a719aa239)
-- to: new.yaml (fingerprint abe01713ed667ded)

-- data check: parent.code: max_length (length(code) <= 50): no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break parent.code: max_length') FROM (SELECT count(*) AS n FROM (SELECT CAST(code AS VARCHAR) AS code FROM parent) AS s WHERE NOT (length(code) <= 50)) AS c WHERE c.n > 0;

-- data check: child.ref: max_length (length(ref) <= 50): no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break child.ref: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, CAST(ref AS VARCHAR) AS ref FROM child) AS s WHERE NOT (length(ref) <= 50)) AS c WHERE c.n > 0;

BEGIN TRANSACTION;

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
    code VARCHAR NOT NULL CONSTRAINT pk_parent PRIMARY KEY CONSTRAINT ck_parent_code_max_length CHECK (length(code) <= 50) CONSTRAINT ck_parent_code_nul CHECK (NOT contains(code, chr(0)))
);

-- table rebuild: create the rebuilt table child from the new schema
CREATE TABLE child (
    id INTEGER NOT NULL CONSTRAINT pk_child PRIMARY KEY,
    ref VARCHAR CONSTRAINT ck_child_ref_max_length CHECK (length(ref) <= 50) CONSTRAINT ck_child_ref_nul CHECK (NOT contains(ref, chr(0))) CONSTRAINT fk_child_ref REFERENCES parent (code)
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
