-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 71d87e54c1c0b735)

BEGIN;

-- destructive: drop column product.thumbnail
ALTER TABLE product DROP COLUMN thumbnail;

COMMIT;
