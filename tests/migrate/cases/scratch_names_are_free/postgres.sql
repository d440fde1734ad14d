-- schemacog migration for postgres
-- from: old.yaml (fingerprint 55d4a61f9f7e951e)
-- to: new.yaml (fingerprint c8900b7dbba15488)

-- data check: a.name: max_length (char_length(name) <= 30): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, name AS name FROM a) AS s WHERE NOT (char_length(name) <= 30)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break a.name: max_length'; END IF; END $sc$;

-- data check: sc_old_1.name: max_length (char_length(name) <= 30): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, name AS name FROM sc_old_1) AS s WHERE NOT (char_length(name) <= 30)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break sc_old_1.name: max_length'; END IF; END $sc$;

-- data check: _sc_check.message: max_length (char_length(message) <= 30): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT message AS message FROM _sc_check) AS s WHERE NOT (char_length(message) <= 30)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break _sc_check.message: max_length'; END IF; END $sc$;

BEGIN;

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
    id integer NOT NULL CONSTRAINT pk_a PRIMARY KEY,
    name text NOT NULL CONSTRAINT ck_a_name_max_length CHECK (char_length(name) <= 30)
);

-- table rebuild: create the rebuilt table sc_old_1 from the new schema
CREATE TABLE sc_old_1 (
    id integer NOT NULL CONSTRAINT pk_sc_old_1 PRIMARY KEY,
    name text NOT NULL CONSTRAINT ck_sc_old_1_name_max_length CHECK (char_length(name) <= 30)
);

-- table rebuild: create the rebuilt table _sc_check from the new schema
CREATE TABLE _sc_check (
    message text NOT NULL CONSTRAINT pk__sc_check PRIMARY KEY CONSTRAINT ck__sc_check_message_max_length CHECK (char_length(message) <= 30)
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
