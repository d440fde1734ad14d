-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 5f560f482d9c6a2f)

-- data check: warehouse.capacity: min (capacity >= 0.0): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT code AS code, city AS city, opens AS opens, closes AS closes, CAST(capacity AS double precision) AS capacity, manager_id AS manager_id FROM warehouse) AS s WHERE NOT (capacity >= 0.0)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break warehouse.capacity: min'; END IF; END $sc$;

-- data check: warehouse.capacity: finite (capacity NOT IN ('NaN', 'Infinity', '-Infinity')): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT code AS code, city AS city, opens AS opens, closes AS closes, CAST(capacity AS double precision) AS capacity, manager_id AS manager_id FROM warehouse) AS s WHERE NOT (capacity NOT IN ('NaN', 'Infinity', '-Infinity'))) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break warehouse.capacity: finite'; END IF; END $sc$;

BEGIN;

-- in place: drop constraint ck_warehouse_capacity_min of warehouse (changed or gone)
ALTER TABLE warehouse DROP CONSTRAINT ck_warehouse_capacity_min;

-- in place: change column warehouse.capacity: type
ALTER TABLE warehouse ALTER COLUMN capacity TYPE double precision USING CAST(capacity AS double precision);

-- in place: add constraint of warehouse
ALTER TABLE warehouse ADD CONSTRAINT ck_warehouse_capacity_min CHECK (capacity >= 0.0);

-- in place: add constraint of warehouse
ALTER TABLE warehouse ADD CONSTRAINT ck_warehouse_capacity_finite CHECK (capacity NOT IN ('NaN', 'Infinity', '-Infinity'));

COMMIT;
