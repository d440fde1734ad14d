-- schemacog migration for duckdb
-- from: old.yaml (fingerprint 4920f52a4d981113)
-- to: new.yaml (fingerprint b6f3783bba8f43c7)

-- data check: a.name: max_length (length(name) <= 30): no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break a.name: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, name AS name FROM a) AS s WHERE NOT (length(name) <= 30)) AS c WHERE c.n > 0;

-- data check: sc_old_1.name: max_length (length(name) <= 30): no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break sc_old_1.name: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, name AS name FROM sc_old_1) AS s WHERE NOT (length(name) <= 30)) AS c WHERE c.n > 0;

-- data check: _sc_check.message: max_length (length(message) <= 30): no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break _sc_check.message: max_length') FROM (SELECT count(*) AS n FROM (SELECT message AS message FROM _sc_check) AS s WHERE NOT (length(message) <= 30)) AS c WHERE c.n > 0;

BEGIN TRANSACTION;

-- table rebuild: copy the rows of a aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, name FROM a;

-- table rebuild: copy the rows of sc_old_1 aside
CREATE TEMPORARY TABLE "sc-old-2" AS SELECT id, name FROM sc_old_1;

-- table rebuild: copy the rows of _sc_check aside
CREATE TEMPORARY TABLE "sc-old-3" AS SELECT message FROM _sc_check;

-- table rebuild: drop table _sc_check (its rows are copied aside)
DROP TABLE _sc_check;

-- table rebuild: drop table sc_old_1 (its rows are copied aside)
DROP TABLE sc_old_1;

-- table rebuild: drop table a (its rows are copied aside)
DROP TABLE a;

-- table rebuild: create the rebuilt table a from the new schema
CREATE TABLE a (
    id INTEGER NOT NULL CONSTRAINT pk_a PRIMARY KEY,
    name VARCHAR NOT NULL CONSTRAINT ck_a_name_max_length CHECK (length(name) <= 30) CONSTRAINT ck_a_name_nul CHECK (NOT contains(name, chr(0)))
);

-- table rebuild: create the rebuilt table sc_old_1 from the new schema
CREATE TABLE sc_old_1 (
    id INTEGER NOT NULL CONSTRAINT pk_sc_old_1 PRIMARY KEY,
    name VARCHAR NOT NULL CONSTRAINT ck_sc_old_1_name_max_length CHECK (length(name) <= 30) CONSTRAINT ck_sc_old_1_name_nul CHECK (NOT contains(name, chr(0)))
);

-- table rebuild: create the rebuilt table _sc_check from the new schema
CREATE TABLE _sc_check (
    message VARCHAR NOT NULL CONSTRAINT pk__sc_check PRIMARY KEY CONSTRAINT ck__sc_check_message_max_length CHECK (length(message) <= 30) CONSTRAINT ck__sc_check_message_nul CHECK (NOT contains(message, chr(0)))
);

-- table rebuild: put the rows of a back, converted
INSERT INTO a (id, name)
SELECT o.id, o.name FROM "sc-old-1" AS o;

-- table rebuild: put the rows of sc_old_1 back, converted
INSERT INTO sc_old_1 (id, name)
SELECT o.id, o.name FROM "sc-old-2" AS o;

-- table rebuild: put the rows of _sc_check back, converted
INSERT INTO _sc_check (message)
SELECT o.message FROM "sc-old-3" AS o;

-- table rebuild: drop the copy of a's old rows
DROP TABLE "sc-old-1";

-- table rebuild: drop the copy of sc_old_1's old rows
DROP TABLE "sc-old-2";

-- table rebuild: drop the copy of _sc_check's old rows
DROP TABLE "sc-old-3";

COMMIT;
