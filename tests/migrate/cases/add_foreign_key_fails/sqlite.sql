-- schemacog migration for sqlite
-- from: old.yaml (fingerprint b0fbea685824d113)
-- to: new.yaml (fingerprint 48bd562fdaaee397)

PRAGMA foreign_keys = OFF;

-- data check: stock_count (warehouse) -> warehouse: foreign key: no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break stock_count (warehouse) -> warehouse: foreign key') FROM (SELECT count(*) AS n FROM (SELECT count_id AS count_id, sku AS sku, warehouse AS warehouse, counted_on AS counted_on, quantity AS quantity, unit_cost AS unit_cost, condition AS condition, counted_by AS counted_by, note AS note FROM stock_count) AS s WHERE s.warehouse IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (SELECT code AS code, city AS city, opens AS opens, closes AS closes, capacity AS capacity, manager_id AS manager_id FROM warehouse) AS p WHERE p.code = s.warehouse)) AS c WHERE c.n > 0;

BEGIN;

-- table rebuild: copy the rows of stock_count aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT count_id, sku, warehouse, counted_on, quantity, unit_cost, condition, counted_by, note FROM stock_count;

-- table rebuild: drop table stock_count (its rows are copied aside)
DROP TABLE stock_count;

-- table rebuild: create the rebuilt table stock_count from the new schema
CREATE TABLE stock_count
-- Not enforced by SQLite: pattern of sku: ^[A-Z]{4}-[0-9]{2,4}$
-- Not enforced by SQLite: pattern of warehouse: ^[A-Z]{3}[0-9]$
-- Not enforced by SQLite: scale of unit_cost: a value is compared as a double, so places past 15 significant digits are not seen
-- A shelf count from a warehouse spreadsheet.
(
    count_id INTEGER NOT NULL CONSTRAINT pk_stock_count PRIMARY KEY,
    sku TEXT NOT NULL CONSTRAINT ck_stock_count_sku_max_length CHECK (length(sku) <= 32) CONSTRAINT ck_stock_count_sku_nul CHECK (instr(sku, char(0)) = 0),
    warehouse TEXT NOT NULL CONSTRAINT ck_stock_count_warehouse_max_length CHECK (length(warehouse) <= 8) CONSTRAINT ck_stock_count_warehouse_nul CHECK (instr(warehouse, char(0)) = 0) CONSTRAINT fk_stock_count_warehouse REFERENCES warehouse (code),
    counted_on DATE NOT NULL,
    -- Items on the shelf; over 5000 is checked by hand.
    quantity INTEGER NOT NULL CONSTRAINT ck_stock_count_quantity_min CHECK (quantity >= 0) CONSTRAINT ck_stock_count_quantity_max CHECK (quantity <= 2147483647),
    unit_cost NUMERIC(10,2) CONSTRAINT ck_stock_count_unit_cost_min CHECK (unit_cost >= 0) CONSTRAINT ck_stock_count_unit_cost_precision CHECK (abs(unit_cost) < 100000000) CONSTRAINT ck_stock_count_unit_cost_scale CHECK (unit_cost = round(unit_cost, 2)) CONSTRAINT ck_stock_count_unit_cost_finite CHECK (typeof(unit_cost) IN ('integer', 'real', 'null')),
    condition TEXT NOT NULL DEFAULT 'new' CONSTRAINT ck_stock_count_condition_enum CHECK (condition IN ('new', 'used', 'damaged')),
    -- The counting employee's badge.
    counted_by UUID,
    note TEXT CONSTRAINT ck_stock_count_note_max_length CHECK (length(note) <= 200) CONSTRAINT ck_stock_count_note_nul CHECK (instr(note, char(0)) = 0),
    CONSTRAINT uq_stock_count_sku_warehouse_counted_on UNIQUE (sku, warehouse, counted_on)
);

-- table rebuild: put the rows of stock_count back, converted
INSERT INTO stock_count (count_id, sku, warehouse, counted_on, quantity, unit_cost, condition, counted_by, note)
SELECT o.count_id, o.sku, o.warehouse, o.counted_on, o.quantity, o.unit_cost, o.condition, o.counted_by, o.note FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of stock_count's old rows
DROP TABLE "sc-old-1";

COMMIT;

PRAGMA foreign_keys = ON;
