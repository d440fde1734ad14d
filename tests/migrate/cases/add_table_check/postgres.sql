-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint ad422468b776c46c)

-- data check: order: check customer_positive (customer_id > 0): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, customer_id AS customer_id, CAST(status AS TEXT) AS status, placed_at AS placed_at, note AS note FROM "order") AS s WHERE NOT (customer_id > 0)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break order: check customer_positive'; END IF; END $sc$;

BEGIN;

-- in place: add constraint of order
ALTER TABLE "order" ADD CONSTRAINT ck_order_customer_positive CHECK (customer_id > 0);

-- table rebuild: continue order.id after the highest id
SELECT setval(pg_get_serial_sequence('"order"', 'id'), max(id)) FROM "order" HAVING max(id) IS NOT NULL;

COMMIT;
