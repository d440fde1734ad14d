-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 7b21ea01ac79cbc9)

-- data check: warehouse.capacity: max (capacity <= 5000): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT code AS code, city AS city, opens AS opens, closes AS closes, capacity AS capacity, manager_id AS manager_id FROM warehouse) AS s WHERE NOT (capacity <= 5000)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break warehouse.capacity: max'; END IF; END $sc$;

-- data check: warehouse.capacity: between 0 and 5000: no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT code AS code, city AS city, opens AS opens, closes AS closes, capacity AS capacity, manager_id AS manager_id FROM warehouse) AS s WHERE capacity < 0 OR capacity > 5000) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break warehouse.capacity: between 0 and 5000'; END IF; END $sc$;

BEGIN;

-- table rebuild: copy the rows of warehouse aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT code, city, opens, closes, capacity, manager_id FROM warehouse;

-- table rebuild: drop table warehouse (its rows are copied aside)
DROP TABLE warehouse;

-- table rebuild: create the rebuilt table warehouse from the new schema
-- Not enforced by PostgreSQL: offset of opens: a value with an offset is converted or loses it
-- Not enforced by PostgreSQL: offset of closes: a value with an offset is converted or loses it
CREATE TABLE warehouse (
    code text NOT NULL CONSTRAINT pk_warehouse PRIMARY KEY CONSTRAINT ck_warehouse_code_max_length CHECK (char_length(code) <= 8) CONSTRAINT ck_warehouse_code_pattern CHECK (code ~ '^[A-Z]{3}[0-9]$'),
    city text NOT NULL CONSTRAINT ck_warehouse_city_max_length CHECK (char_length(city) <= 80),
    opens time NOT NULL,
    closes time NOT NULL,
    capacity smallint NOT NULL CONSTRAINT ck_warehouse_capacity_min CHECK (capacity >= 0) CONSTRAINT ck_warehouse_capacity_max CHECK (capacity <= 5000),
    manager_id bigint CONSTRAINT fk_warehouse_manager_id REFERENCES customer (id) ON DELETE SET NULL
);

-- table rebuild: put the rows of warehouse back, converted
INSERT INTO warehouse (code, city, opens, closes, capacity, manager_id)
SELECT o.code, o.city, o.opens, o.closes, CAST(o.capacity AS smallint), o.manager_id FROM "sc-old-1" AS o;

-- in place: set a comment
COMMENT ON TABLE warehouse IS 'A place stock is kept and shipped from.';

-- table rebuild: drop the copy of warehouse's old rows
DROP TABLE "sc-old-1";

COMMIT;
