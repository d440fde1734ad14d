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

-- in place: drop constraint ck__sc_check_message_max_length of _sc_check (changed or gone)
ALTER TABLE _sc_check DROP CONSTRAINT ck__sc_check_message_max_length;

-- in place: drop constraint ck_a_name_max_length of a (changed or gone)
ALTER TABLE a DROP CONSTRAINT ck_a_name_max_length;

-- in place: drop constraint ck_sc_old_1_name_max_length of sc_old_1 (changed or gone)
ALTER TABLE sc_old_1 DROP CONSTRAINT ck_sc_old_1_name_max_length;

-- in place: add constraint of _sc_check
ALTER TABLE _sc_check ADD CONSTRAINT ck__sc_check_message_max_length CHECK (char_length(message) <= 30);

-- in place: add constraint of a
ALTER TABLE a ADD CONSTRAINT ck_a_name_max_length CHECK (char_length(name) <= 30);

-- in place: add constraint of sc_old_1
ALTER TABLE sc_old_1 ADD CONSTRAINT ck_sc_old_1_name_max_length CHECK (char_length(name) <= 30);

COMMIT;
