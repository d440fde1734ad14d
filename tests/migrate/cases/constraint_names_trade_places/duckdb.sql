-- schemacog migration for duckdb
-- from: old.yaml (fingerprint 996d4dd50635d049)
-- to: new.yaml (fingerprint db70e78a6e3c195e)

BEGIN TRANSACTION;

-- table rebuild: copy the rows of t aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, c, d FROM t;

-- table rebuild: drop table t (its rows are copied aside)
DROP TABLE t;

-- table rebuild: create the rebuilt table t from the new schema
CREATE TABLE t (
    id INTEGER NOT NULL CONSTRAINT pk_t PRIMARY KEY,
    c INTEGER NOT NULL CONSTRAINT name_b UNIQUE,
    d INTEGER NOT NULL CONSTRAINT name_a UNIQUE
);

-- table rebuild: put the rows of t back, converted
INSERT INTO t (id, c, d)
SELECT o.id, o.c, o.d FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of t's old rows
DROP TABLE "sc-old-1";

COMMIT;
