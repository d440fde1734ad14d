-- schemacog migration for sqlite
-- from: old.yaml (fingerprint b0fbea685824d113)
-- to: new.yaml (fingerprint 55d61ef006a5048f)

PRAGMA foreign_keys = OFF;

-- data check: warehouse.capacity: min (capacity >= 0.0): no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break warehouse.capacity: min') FROM (SELECT count(*) AS n FROM (SELECT code AS code, city AS city, opens AS opens, closes AS closes, capacity AS capacity, manager_id AS manager_id FROM warehouse) AS s WHERE NOT (capacity >= 0.0)) AS c WHERE c.n > 0;

-- data check: warehouse.capacity: finite (capacity NOT IN (9e999, -9e999)): no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break warehouse.capacity: finite') FROM (SELECT count(*) AS n FROM (SELECT code AS code, city AS city, opens AS opens, closes AS closes, capacity AS capacity, manager_id AS manager_id FROM warehouse) AS s WHERE NOT (capacity NOT IN (9e999, -9e999))) AS c WHERE c.n > 0;

BEGIN;

-- table rebuild: copy the rows of warehouse aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT code, city, opens, closes, capacity, manager_id FROM warehouse;

-- table rebuild: drop table warehouse (its rows are copied aside)
DROP TABLE warehouse;

-- table rebuild: create the rebuilt table warehouse from the new schema
CREATE TABLE warehouse
-- Not enforced by SQLite: pattern of code: ^[A-Z]{3}[0-9]$
-- Not enforced by SQLite: offset of opens: a value with an offset is converted or loses it
-- Not enforced by SQLite: offset of closes: a value with an offset is converted or loses it
-- A place stock is kept and shipped from.
(
    code TEXT NOT NULL CONSTRAINT pk_warehouse PRIMARY KEY CONSTRAINT ck_warehouse_code_max_length CHECK (length(code) <= 8) CONSTRAINT ck_warehouse_code_nul CHECK (instr(code, char(0)) = 0),
    city TEXT NOT NULL CONSTRAINT ck_warehouse_city_max_length CHECK (length(city) <= 80) CONSTRAINT ck_warehouse_city_nul CHECK (instr(city, char(0)) = 0),
    opens TIME NOT NULL,
    closes TIME NOT NULL,
    capacity REAL NOT NULL CONSTRAINT ck_warehouse_capacity_min CHECK (capacity >= 0.0) CONSTRAINT ck_warehouse_capacity_finite CHECK (capacity NOT IN (9e999, -9e999)),
    manager_id INTEGER CONSTRAINT fk_warehouse_manager_id REFERENCES customer (id) ON DELETE SET NULL
);

-- table rebuild: put the rows of warehouse back, converted
INSERT INTO warehouse (code, city, opens, closes, capacity, manager_id)
SELECT o.code, o.city, o.opens, o.closes, o.capacity, o.manager_id FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of warehouse's old rows
DROP TABLE "sc-old-1";

COMMIT;

PRAGMA foreign_keys = ON;
