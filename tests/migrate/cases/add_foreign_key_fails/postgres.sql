-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 3c24681c8ba4ae21)

-- data check: stock_count (warehouse) -> warehouse: foreign key: no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT count_id AS count_id, sku AS sku, warehouse AS warehouse, counted_on AS counted_on, quantity AS quantity, unit_cost AS unit_cost, CAST(condition AS TEXT) AS condition, counted_by AS counted_by, note AS note FROM stock_count) AS s WHERE s.warehouse IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (SELECT code AS code, city AS city, opens AS opens, closes AS closes, capacity AS capacity, manager_id AS manager_id FROM warehouse) AS p WHERE p.code = s.warehouse)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break stock_count (warehouse) -> warehouse: foreign key'; END IF; END $sc$;

BEGIN;

-- in place: add constraint of stock_count
ALTER TABLE stock_count ADD CONSTRAINT fk_stock_count_warehouse FOREIGN KEY (warehouse) REFERENCES warehouse (code);

COMMIT;
