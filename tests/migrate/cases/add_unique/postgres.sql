-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 8c0cde7787cf99c2)

-- data check: product (name): unique: no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT name FROM (SELECT sku AS sku, name AS name, CAST(category AS TEXT) AS category, details AS details, price AS price, weight_kg AS weight_kg, attributes AS attributes, thumbnail AS thumbnail FROM product) AS s WHERE name IS NOT NULL GROUP BY name HAVING count(*) > 1) AS d) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break product (name): unique'; END IF; END $sc$;

BEGIN;

-- in place: add constraint of product
ALTER TABLE product ADD CONSTRAINT uq_product_name UNIQUE (name);

COMMIT;
