-- schemacog migration for duckdb
-- from: old.yaml (fingerprint a161c2a0ebfaf4b7)
-- to: new.yaml (fingerprint 02ffcd27e736eea4)

-- data check: stock_count (warehouse) -> warehouse: foreign key: no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break stock_count (warehouse) -> warehouse: foreign key') FROM (SELECT count(*) AS n FROM (SELECT count_id AS count_id, sku AS sku, warehouse AS warehouse, counted_on AS counted_on, quantity AS quantity, unit_cost AS unit_cost, CAST(condition AS VARCHAR) AS condition, counted_by AS counted_by, note AS note FROM stock_count) AS s WHERE s.warehouse IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (SELECT code AS code, city AS city, opens AS opens, closes AS closes, capacity AS capacity, manager_id AS manager_id FROM warehouse) AS p WHERE p.code = s.warehouse)) AS c WHERE c.n > 0;

BEGIN TRANSACTION;

-- table rebuild: copy the rows of stock_count aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT count_id, sku, warehouse, counted_on, quantity, unit_cost, CAST(condition AS VARCHAR) AS condition, counted_by, note FROM stock_count;

-- table rebuild: drop table stock_count (its rows are copied aside)
DROP TABLE stock_count;

-- table rebuild: create the rebuilt table stock_count from the new schema
-- Not enforced by DuckDB: scale of unit_cost: more than 2 decimal places are rounded
CREATE TABLE stock_count (
    count_id BIGINT NOT NULL CONSTRAINT pk_stock_count PRIMARY KEY,
    sku VARCHAR NOT NULL CONSTRAINT ck_stock_count_sku_max_length CHECK (length(sku) <= 32) CONSTRAINT ck_stock_count_sku_pattern CHECK (regexp_matches(sku, '^[A-Z]{4}-[0-9]{2,4}$', 's')) CONSTRAINT ck_stock_count_sku_nul CHECK (NOT contains(sku, chr(0))),
    warehouse VARCHAR NOT NULL CONSTRAINT ck_stock_count_warehouse_max_length CHECK (length(warehouse) <= 8) CONSTRAINT ck_stock_count_warehouse_pattern CHECK (regexp_matches(warehouse, '^[A-Z]{3}[0-9]$', 's')) CONSTRAINT ck_stock_count_warehouse_nul CHECK (NOT contains(warehouse, chr(0))) CONSTRAINT fk_stock_count_warehouse REFERENCES warehouse (code),
    counted_on DATE NOT NULL,
    quantity INTEGER NOT NULL CONSTRAINT ck_stock_count_quantity_min CHECK (quantity >= 0),
    unit_cost DECIMAL(10,2) CONSTRAINT ck_stock_count_unit_cost_min CHECK (unit_cost >= 0),
    condition stock_condition NOT NULL DEFAULT 'new',
    counted_by UUID,
    note VARCHAR CONSTRAINT ck_stock_count_note_max_length CHECK (length(note) <= 200) CONSTRAINT ck_stock_count_note_nul CHECK (NOT contains(note, chr(0))),
    CONSTRAINT uq_stock_count_sku_warehouse_counted_on UNIQUE (sku, warehouse, counted_on)
);

-- table rebuild: put the rows of stock_count back, converted
INSERT INTO stock_count (count_id, sku, warehouse, counted_on, quantity, unit_cost, condition, counted_by, note)
SELECT o.count_id, o.sku, o.warehouse, o.counted_on, o.quantity, o.unit_cost, CAST(o.condition AS stock_condition), o.counted_by, o.note FROM "sc-old-1" AS o;

-- in place: set the comment of stock_count
COMMENT ON TABLE stock_count IS 'A shelf count from a warehouse spreadsheet.';

-- in place: set the comment of stock_count.quantity
COMMENT ON COLUMN stock_count.quantity IS 'Items on the shelf; over 5000 is checked by hand.';

-- in place: set the comment of stock_count.counted_by
COMMENT ON COLUMN stock_count.counted_by IS 'The counting employee''s badge.';

-- table rebuild: drop the copy of stock_count's old rows
DROP TABLE "sc-old-1";

COMMIT;
