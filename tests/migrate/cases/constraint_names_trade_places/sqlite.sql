-- schemacog migration for sqlite
-- from: old.yaml (fingerprint fc5fe56a8c7262d4)
-- to: new.yaml (fingerprint 368812cb8212dbfd)

PRAGMA foreign_keys = OFF;

BEGIN;

-- table rebuild: copy the rows of t aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, c, d FROM t;

-- table rebuild: drop table t (its rows are copied aside)
DROP TABLE t;

-- table rebuild: create the rebuilt table t from the new schema
CREATE TABLE t (
    id INTEGER NOT NULL CONSTRAINT pk_t PRIMARY KEY CONSTRAINT ck_t_id_min CHECK (id >= -2147483648) CONSTRAINT ck_t_id_max CHECK (id <= 2147483647),
    c INTEGER NOT NULL CONSTRAINT name_b UNIQUE CONSTRAINT ck_t_c_min CHECK (c >= -2147483648) CONSTRAINT ck_t_c_max CHECK (c <= 2147483647),
    d INTEGER NOT NULL CONSTRAINT name_a UNIQUE CONSTRAINT ck_t_d_min CHECK (d >= -2147483648) CONSTRAINT ck_t_d_max CHECK (d <= 2147483647)
);

-- table rebuild: put the rows of t back, converted
INSERT INTO t (id, c, d)
SELECT o.id, o.c, o.d FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of t's old rows
DROP TABLE "sc-old-1";

COMMIT;

PRAGMA foreign_keys = ON;
