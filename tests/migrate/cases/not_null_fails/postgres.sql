-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint eee9c694b8ea115e)

-- data check: order.note: NOT NULL: no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, customer_id AS customer_id, CAST(status AS TEXT) AS status, placed_at AS placed_at, note AS note FROM "order") AS s WHERE note IS NULL) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break order.note: NOT NULL'; END IF; END $sc$;

BEGIN;

-- in place: change column order.note: set
ALTER TABLE "order" ALTER COLUMN note SET NOT NULL;

-- table rebuild: continue order.id after the highest id
SELECT setval(pg_get_serial_sequence('"order"', 'id'), max(id)) FROM "order" HAVING max(id) IS NOT NULL;

COMMIT;
