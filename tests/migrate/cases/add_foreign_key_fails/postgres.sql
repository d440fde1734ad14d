-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 3c24681c8ba4ae21)

-- data check: stock_count (warehouse) -> warehouse: foreign key: no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT count_id AS count_id, sku AS sku, warehouse AS warehouse, counted_on AS counted_on, quantity AS quantity, unit_cost AS unit_cost, CAST(condition AS TEXT) AS condition, counted_by AS counted_by, note AS note FROM stock_count) AS s WHERE s.warehouse IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (SELECT code AS code, city AS city, opens AS opens, closes AS closes, capacity AS capacity, manager_id AS manager_id FROM warehouse) AS p WHERE p.code = s.warehouse)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break stock_count (warehouse) -> warehouse: foreign key'; END IF; END $sc$;

BEGIN;

-- table rebuild: copy the rows of stock_count aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT count_id, sku, warehouse, counted_on, quantity, unit_cost, CAST(condition AS TEXT) AS condition, counted_by, note FROM stock_count;

-- table rebuild: drop table stock_count (its rows are copied aside)
DROP TABLE stock_count;

-- table rebuild: create the rebuilt table stock_count from the new schema
-- Not enforced by PostgreSQL: scale of unit_cost: more than 2 decimal places are rounded
CREATE TABLE stock_count (
    count_id bigint NOT NULL CONSTRAINT pk_stock_count PRIMARY KEY,
    sku text NOT NULL CONSTRAINT ck_stock_count_sku_max_length CHECK (char_length(sku) <= 32) CONSTRAINT ck_stock_count_sku_pattern CHECK (sku ~ '^[A-Z]{4}-[0-9]{2,4}$'),
    warehouse text NOT NULL CONSTRAINT ck_stock_count_warehouse_max_length CHECK (char_length(warehouse) <= 8) CONSTRAINT ck_stock_count_warehouse_pattern CHECK (warehouse ~ '^[A-Z]{3}[0-9]$') CONSTRAINT fk_stock_count_warehouse REFERENCES warehouse (code),
    counted_on date NOT NULL,
    quantity integer NOT NULL CONSTRAINT ck_stock_count_quantity_min CHECK (quantity >= 0),
    unit_cost numeric(10,2) CONSTRAINT ck_stock_count_unit_cost_min CHECK (unit_cost >= 0) CONSTRAINT ck_stock_count_unit_cost_finite CHECK (unit_cost NOT IN ('NaN', 'Infinity', '-Infinity')),
    condition stock_condition NOT NULL DEFAULT 'new',
    counted_by uuid,
    note text CONSTRAINT ck_stock_count_note_max_length CHECK (char_length(note) <= 200),
    CONSTRAINT uq_stock_count_sku_warehouse_counted_on UNIQUE (sku, warehouse, counted_on)
);

-- table rebuild: put the rows of stock_count back, converted
INSERT INTO stock_count (count_id, sku, warehouse, counted_on, quantity, unit_cost, condition, counted_by, note)
SELECT o.count_id, o.sku, o.warehouse, o.counted_on, o.quantity, o.unit_cost, CAST(o.condition AS stock_condition), o.counted_by, o.note FROM "sc-old-1" AS o;

-- in place: set a comment
COMMENT ON TABLE stock_count IS 'A shelf count from a warehouse spreadsheet.';

-- in place: set a comment
COMMENT ON COLUMN stock_count.quantity IS 'Items on the shelf; over 5000 is checked by hand.';

-- in place: set a comment
COMMENT ON COLUMN stock_count.counted_by IS 'The counting employee''s badge.';

-- table rebuild: drop the copy of stock_count's old rows
DROP TABLE "sc-old-1";

COMMIT;
