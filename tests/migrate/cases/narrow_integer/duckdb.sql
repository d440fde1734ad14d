-- schemacog migration for duckdb
-- from: old.yaml (fingerprint a161c2a0ebfaf4b7)
-- to: new.yaml (fingerprint e0a6f59389378413)

-- data check: warehouse.capacity: between 0 and 32767: no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break warehouse.capacity: between 0 and 32767') FROM (SELECT count(*) AS n FROM (SELECT code AS code, city AS city, opens AS opens, closes AS closes, capacity AS capacity, manager_id AS manager_id FROM warehouse) AS s WHERE capacity < 0 OR capacity > 32767) AS c WHERE c.n > 0;

BEGIN TRANSACTION;

-- table rebuild: copy the rows of warehouse aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT code, city, opens, closes, capacity, manager_id FROM warehouse;

-- table rebuild: drop table warehouse (its rows are copied aside)
DROP TABLE warehouse;

-- table rebuild: create the rebuilt table warehouse from the new schema
-- Not enforced by DuckDB: offset of opens: a value with an offset is converted or loses it
-- Not enforced by DuckDB: offset of closes: a value with an offset is converted or loses it
-- Not enforced by DuckDB: ON DELETE SET NULL of (manager_id) -> customer: not supported, NO ACTION instead
CREATE TABLE warehouse (
    code VARCHAR NOT NULL CONSTRAINT pk_warehouse PRIMARY KEY CONSTRAINT ck_warehouse_code_max_length CHECK (length(code) <= 8) CONSTRAINT ck_warehouse_code_pattern CHECK (regexp_matches(code, '^[A-Z]{3}[0-9]$', 's')) CONSTRAINT ck_warehouse_code_nul CHECK (NOT contains(code, chr(0))),
    city VARCHAR NOT NULL CONSTRAINT ck_warehouse_city_max_length CHECK (length(city) <= 80) CONSTRAINT ck_warehouse_city_nul CHECK (NOT contains(city, chr(0))),
    opens TIME NOT NULL,
    closes TIME NOT NULL,
    capacity SMALLINT NOT NULL CONSTRAINT ck_warehouse_capacity_min CHECK (capacity >= 0),
    manager_id BIGINT CONSTRAINT fk_warehouse_manager_id REFERENCES customer (id)
);

-- table rebuild: put the rows of warehouse back, converted
INSERT INTO warehouse (code, city, opens, closes, capacity, manager_id)
SELECT o.code, o.city, o.opens, o.closes, CAST(o.capacity AS SMALLINT), o.manager_id FROM "sc-old-1" AS o;

-- in place: set the comment of warehouse
COMMENT ON TABLE warehouse IS 'A place stock is kept and shipped from.';

-- table rebuild: drop the copy of warehouse's old rows
DROP TABLE "sc-old-1";

COMMIT;
