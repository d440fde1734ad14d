-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint a0cb6b52f0b1cc7f)

-- data check: shipment.last_scan_at: instant (last_scan_at >= '0001-01-01 00:00:00+00:00' AND last_scan_at <= '9999-12-31 23:59:59.999999+00:00'): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, order_id AS order_id, carrier AS carrier, tracking_code AS tracking_code, shipped_on AS shipped_on, window_start AS window_start, CAST(last_scan_at AS timestamptz) AS last_scan_at FROM shipment) AS s WHERE NOT (last_scan_at >= '0001-01-01 00:00:00+00:00' AND last_scan_at <= '9999-12-31 23:59:59.999999+00:00')) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break shipment.last_scan_at: instant'; END IF; END $sc$;

BEGIN;

-- in place: change column shipment.last_scan_at: type
ALTER TABLE shipment ALTER COLUMN last_scan_at TYPE timestamptz USING CAST(last_scan_at AS timestamptz);

-- in place: add constraint of shipment
ALTER TABLE shipment ADD CONSTRAINT ck_shipment_last_scan_at_instant CHECK (last_scan_at >= '0001-01-01 00:00:00+00:00' AND last_scan_at <= '9999-12-31 23:59:59.999999+00:00');

COMMIT;
