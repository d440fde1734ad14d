-- schemacog migration for duckdb
-- from: old.yaml (fingerprint 53d82d87e01cac21)
-- to: new.yaml (fingerprint 5c8d10f54c7c0b54)

BEGIN TRANSACTION;

-- table rebuild: copy the rows of wide aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, a, b, c, d FROM wide;

-- table rebuild: drop table wide (its rows are copied aside)
DROP TABLE wide;

-- table rebuild: create the rebuilt table wide from the new schema
CREATE TABLE wide (
    id INTEGER NOT NULL CONSTRAINT pk_wide PRIMARY KEY,
    a VARCHAR CONSTRAINT ck_wide_a_max_length CHECK (length(a) <= 4000) CONSTRAINT ck_wide_a_nul CHECK (NOT contains(a, chr(0))),
    b VARCHAR CONSTRAINT ck_wide_b_max_length CHECK (length(b) <= 4000) CONSTRAINT ck_wide_b_nul CHECK (NOT contains(b, chr(0))),
    c VARCHAR CONSTRAINT ck_wide_c_max_length CHECK (length(c) <= 4000) CONSTRAINT ck_wide_c_nul CHECK (NOT contains(c, chr(0))),
    d VARCHAR CONSTRAINT ck_wide_d_max_length CHECK (length(d) <= 4000) CONSTRAINT ck_wide_d_nul CHECK (NOT contains(d, chr(0))),
    e VARCHAR CONSTRAINT ck_wide_e_max_length CHECK (length(e) <= 4000) CONSTRAINT ck_wide_e_nul CHECK (NOT contains(e, chr(0)))
);

-- table rebuild: put the rows of wide back, converted
INSERT INTO wide (id, a, b, c, d)
SELECT o.id, o.a, o.b, o.c, o.d FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of wide's old rows
DROP TABLE "sc-old-1";

COMMIT;
