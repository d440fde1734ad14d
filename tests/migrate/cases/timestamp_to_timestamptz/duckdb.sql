-- schemacog migration for duckdb
-- from: old.yaml (fingerprint a161c2a0ebfaf4b7)
-- to: new.yaml (fingerprint ca2610d0875b0545)

-- data check: shipment.last_scan_at: instant (last_scan_at >= '0001-01-01 00:00:00+00:00' AND last_scan_at <= '9999-12-31 23:59:59.999999+00:00'): no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break shipment.last_scan_at: instant') FROM (SELECT count(*) AS n FROM (SELECT id AS id, order_id AS order_id, carrier AS carrier, tracking_code AS tracking_code, shipped_on AS shipped_on, window_start AS window_start, CAST(last_scan_at AS TIMESTAMPTZ) AS last_scan_at FROM shipment) AS s WHERE NOT (last_scan_at >= '0001-01-01 00:00:00+00:00' AND last_scan_at <= '9999-12-31 23:59:59.999999+00:00')) AS c WHERE c.n > 0;

BEGIN TRANSACTION;

-- table rebuild: copy the rows of shipment aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, order_id, carrier, tracking_code, shipped_on, window_start, last_scan_at FROM shipment;

-- table rebuild: drop table shipment (its rows are copied aside)
DROP TABLE shipment;

-- table rebuild: create the rebuilt table shipment from the new schema
-- Not enforced by DuckDB: ON DELETE CASCADE of (order_id) -> order: not supported, NO ACTION instead
-- Not enforced by DuckDB: offset of window_start: a value with an offset is converted or loses it
-- Not enforced by DuckDB: offset of last_scan_at: a value without an offset is read in a default zone
CREATE TABLE shipment (
    id UUID NOT NULL CONSTRAINT pk_shipment PRIMARY KEY,
    order_id BIGINT NOT NULL CONSTRAINT fk_shipment_order_id REFERENCES "order" (id),
    carrier VARCHAR NOT NULL CONSTRAINT ck_shipment_carrier_max_length CHECK (length(carrier) <= 50) CONSTRAINT ck_shipment_carrier_nul CHECK (NOT contains(carrier, chr(0))),
    tracking_code VARCHAR CONSTRAINT uq_shipment_tracking_code UNIQUE CONSTRAINT ck_shipment_tracking_code_max_length CHECK (length(tracking_code) <= 40) CONSTRAINT ck_shipment_tracking_code_pattern CHECK (regexp_matches(tracking_code, '^[A-Z]{2}[0-9]{9}[A-Z]{2}$', 's')) CONSTRAINT ck_shipment_tracking_code_nul CHECK (NOT contains(tracking_code, chr(0))),
    shipped_on DATE NOT NULL,
    window_start TIME,
    last_scan_at TIMESTAMPTZ CONSTRAINT ck_shipment_last_scan_at_instant CHECK (last_scan_at >= '0001-01-01 00:00:00+00:00' AND last_scan_at <= '9999-12-31 23:59:59.999999+00:00')
);

-- lossy: put the rows of shipment back, converted (last_scan_at: a timestamp without a zone is read in the session's time zone)
INSERT INTO shipment (id, order_id, carrier, tracking_code, shipped_on, window_start, last_scan_at)
SELECT o.id, o.order_id, o.carrier, o.tracking_code, o.shipped_on, o.window_start, CAST(o.last_scan_at AS TIMESTAMPTZ) FROM "sc-old-1" AS o;

-- in place: set the comment of shipment
COMMENT ON TABLE shipment IS 'A parcel on its way to a customer.';

-- in place: set the comment of shipment.window_start
COMMENT ON COLUMN shipment.window_start IS 'Start of the promised delivery window.';

-- in place: set the comment of shipment.last_scan_at
COMMENT ON COLUMN shipment.last_scan_at IS 'Local time at the depot of the last scan.';

-- table rebuild: drop the copy of shipment's old rows
DROP TABLE "sc-old-1";

COMMIT;
