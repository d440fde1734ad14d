-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 371796c7730fffd4)

-- in place: add value 'refunded' to enum order_status (outside the transaction: a new value cannot be used in the transaction that adds it)
ALTER TYPE order_status ADD VALUE 'refunded' AFTER 'delivered';

BEGIN;

-- in place: change column order.status: set
ALTER TABLE "order" ALTER COLUMN status SET DEFAULT 'refunded';

-- table rebuild: continue order.id after the highest id
SELECT setval(pg_get_serial_sequence('"order"', 'id'), max(id)) FROM "order" HAVING max(id) IS NOT NULL;

COMMIT;
