-- schemacog migration for duckdb
-- from: old.yaml (fingerprint a161c2a0ebfaf4b7)
-- to: new.yaml (fingerprint 56e7305cc7d303e2)

BEGIN TRANSACTION;

-- table rebuild: copy the rows of shipment aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, order_id, carrier, tracking_code, shipped_on, window_start, last_scan_at FROM shipment;

-- table rebuild: drop table shipment (its rows are copied aside)
DROP TABLE shipment;

-- table rebuild: create the rebuilt table shipment from the new schema
-- Not enforced by DuckDB: ON DELETE CASCADE of (order_id) -> order: not supported, NO ACTION instead
-- Not enforced by DuckDB: offset of noted_at: a value without an offset is read in a default zone
-- Not enforced by DuckDB: offset of window_start: a value with an offset is converted or loses it
-- Not enforced by DuckDB: offset of last_scan_at: a value with an offset is converted or loses it
CREATE TABLE shipment (
    id UUID NOT NULL CONSTRAINT pk_shipment PRIMARY KEY,
    order_id BIGINT NOT NULL CONSTRAINT fk_shipment_order_id REFERENCES "order" (id),
    carrier VARCHAR NOT NULL CONSTRAINT ck_shipment_carrier_max_length CHECK (length(carrier) <= 50) CONSTRAINT ck_shipment_carrier_nul CHECK (NOT contains(carrier, chr(0))),
    priority SMALLINT NOT NULL DEFAULT 3,
    noted_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp CONSTRAINT ck_shipment_noted_at_instant CHECK (noted_at >= '0001-01-01 00:00:00+00:00' AND noted_at <= '9999-12-31 23:59:59.999999+00:00'),
    tracking_code VARCHAR CONSTRAINT uq_shipment_tracking_code UNIQUE CONSTRAINT ck_shipment_tracking_code_max_length CHECK (length(tracking_code) <= 40) CONSTRAINT ck_shipment_tracking_code_pattern CHECK (regexp_matches(tracking_code, '^[A-Z]{2}[0-9]{9}[A-Z]{2}$', 's')) CONSTRAINT ck_shipment_tracking_code_nul CHECK (NOT contains(tracking_code, chr(0))),
    shipped_on DATE NOT NULL,
    window_start TIME,
    last_scan_at TIMESTAMP
);

-- table rebuild: put the rows of shipment back, converted
INSERT INTO shipment (id, order_id, carrier, tracking_code, shipped_on, window_start, last_scan_at)
SELECT o.id, o.order_id, o.carrier, o.tracking_code, o.shipped_on, o.window_start, o.last_scan_at FROM "sc-old-1" AS o;

-- in place: set the comment of shipment
COMMENT ON TABLE shipment IS 'A parcel on its way to a customer.';

-- in place: set the comment of shipment.window_start
COMMENT ON COLUMN shipment.window_start IS 'Start of the promised delivery window.';

-- in place: set the comment of shipment.last_scan_at
COMMENT ON COLUMN shipment.last_scan_at IS 'Local time at the depot of the last scan.';

-- table rebuild: drop the copy of shipment's old rows
DROP TABLE "sc-old-1";

COMMIT;
