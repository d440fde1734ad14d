-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint a0cb6b52f0b1cc7f)

-- data check: shipment.last_scan_at: instant (last_scan_at >= '0001-01-01 00:00:00+00:00' AND last_scan_at <= '9999-12-31 23:59:59.999999+00:00'): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, order_id AS order_id, carrier AS carrier, tracking_code AS tracking_code, shipped_on AS shipped_on, window_start AS window_start, CAST(last_scan_at AS timestamptz) AS last_scan_at FROM shipment) AS s WHERE NOT (last_scan_at >= '0001-01-01 00:00:00+00:00' AND last_scan_at <= '9999-12-31 23:59:59.999999+00:00')) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break shipment.last_scan_at: instant'; END IF; END $sc$;

BEGIN;

-- table rebuild: copy the rows of shipment aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, order_id, carrier, tracking_code, shipped_on, window_start, last_scan_at FROM shipment;

-- table rebuild: drop table shipment (its rows are copied aside)
DROP TABLE shipment;

-- table rebuild: create the rebuilt table shipment from the new schema
-- Not enforced by PostgreSQL: offset of window_start: a value with an offset is converted or loses it
-- Not enforced by PostgreSQL: offset of last_scan_at: a value without an offset is read in a default zone
CREATE TABLE shipment (
    id uuid NOT NULL CONSTRAINT pk_shipment PRIMARY KEY,
    order_id bigint NOT NULL CONSTRAINT fk_shipment_order_id REFERENCES "order" (id) ON DELETE CASCADE,
    carrier text NOT NULL CONSTRAINT ck_shipment_carrier_max_length CHECK (char_length(carrier) <= 50),
    tracking_code text CONSTRAINT uq_shipment_tracking_code UNIQUE CONSTRAINT ck_shipment_tracking_code_max_length CHECK (char_length(tracking_code) <= 40) CONSTRAINT ck_shipment_tracking_code_pattern CHECK (tracking_code ~ '^[A-Z]{2}[0-9]{9}[A-Z]{2}$'),
    shipped_on date NOT NULL,
    window_start time,
    last_scan_at timestamptz CONSTRAINT ck_shipment_last_scan_at_instant CHECK (last_scan_at >= '0001-01-01 00:00:00+00:00' AND last_scan_at <= '9999-12-31 23:59:59.999999+00:00')
);

-- lossy: put the rows of shipment back, converted (last_scan_at: a timestamp without a zone is read in the session's time zone)
INSERT INTO shipment (id, order_id, carrier, tracking_code, shipped_on, window_start, last_scan_at)
SELECT o.id, o.order_id, o.carrier, o.tracking_code, o.shipped_on, o.window_start, CAST(o.last_scan_at AS timestamptz) FROM "sc-old-1" AS o;

-- in place: set a comment
COMMENT ON TABLE shipment IS 'A parcel on its way to a customer.';

-- in place: set a comment
COMMENT ON COLUMN shipment.window_start IS 'Start of the promised delivery window.';

-- in place: set a comment
COMMENT ON COLUMN shipment.last_scan_at IS 'Local time at the depot of the last scan.';

-- table rebuild: drop the copy of shipment's old rows
DROP TABLE "sc-old-1";

COMMIT;
