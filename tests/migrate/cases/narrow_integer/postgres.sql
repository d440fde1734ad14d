-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 953d23d92a3ba2af)

-- data check: warehouse.capacity: between 0 and 32767: no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT code AS code, city AS city, opens AS opens, closes AS closes, capacity AS capacity, manager_id AS manager_id FROM warehouse) AS s WHERE capacity < 0 OR capacity > 32767) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break warehouse.capacity: between 0 and 32767'; END IF; END $sc$;

BEGIN;

-- in place: change column warehouse.capacity: type
ALTER TABLE warehouse ALTER COLUMN capacity TYPE smallint USING CAST(capacity AS smallint);

COMMIT;
