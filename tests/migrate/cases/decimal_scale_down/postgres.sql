-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint b431acb320a08c0e)

BEGIN;

-- in place: change column product.price: type
ALTER TABLE product ALTER COLUMN price TYPE numeric(10,1) USING CAST(round(price, 1) AS numeric(10,1));

COMMIT;
