-- schemacog migration for sqlite
-- from: old.yaml (fingerprint b0fbea685824d113)
-- to: new.yaml (fingerprint 025af2254b9926b9)

PRAGMA foreign_keys = OFF;

-- data check: shipment.last_scan_at: instant (last_scan_at IS NULL OR coalesce(julianday(last_scan_at), 0) >= 1721425.5): no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break shipment.last_scan_at: instant') FROM (SELECT count(*) AS n FROM (SELECT id AS id, order_id AS order_id, carrier AS carrier, tracking_code AS tracking_code, shipped_on AS shipped_on, window_start AS window_start, last_scan_at AS last_scan_at FROM shipment) AS s WHERE NOT (last_scan_at IS NULL OR coalesce(julianday(last_scan_at), 0) >= 1721425.5)) AS c WHERE c.n > 0;

BEGIN;

-- table rebuild: copy the rows of shipment aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, order_id, carrier, tracking_code, shipped_on, window_start, last_scan_at FROM shipment;

-- table rebuild: drop table shipment (its rows are copied aside)
DROP TABLE shipment;

-- table rebuild: create the rebuilt table shipment from the new schema
CREATE TABLE shipment
-- Not enforced by SQLite: pattern of tracking_code: ^[A-Z]{2}[0-9]{9}[A-Z]{2}$
-- Not enforced by SQLite: offset of window_start: a value with an offset is converted or loses it
-- Not enforced by SQLite: offset of last_scan_at: a value without an offset is read in a default zone
-- A parcel on its way to a customer.
(
    id UUID NOT NULL CONSTRAINT pk_shipment PRIMARY KEY,
    order_id INTEGER NOT NULL CONSTRAINT fk_shipment_order_id REFERENCES "order" (id) ON DELETE CASCADE,
    carrier TEXT NOT NULL CONSTRAINT ck_shipment_carrier_max_length CHECK (length(carrier) <= 50) CONSTRAINT ck_shipment_carrier_nul CHECK (instr(carrier, char(0)) = 0),
    tracking_code TEXT CONSTRAINT uq_shipment_tracking_code UNIQUE CONSTRAINT ck_shipment_tracking_code_max_length CHECK (length(tracking_code) <= 40) CONSTRAINT ck_shipment_tracking_code_nul CHECK (instr(tracking_code, char(0)) = 0),
    shipped_on DATE NOT NULL,
    -- Start of the promised delivery window.
    window_start TIME,
    -- Local time at the depot of the last scan.
    last_scan_at TIMESTAMPTZ CONSTRAINT ck_shipment_last_scan_at_instant CHECK (last_scan_at IS NULL OR coalesce(julianday(last_scan_at), 0) >= 1721425.5)
);

-- lossy: put the rows of shipment back, converted (last_scan_at: a timestamp without a zone is read in the session's time zone)
INSERT INTO shipment (id, order_id, carrier, tracking_code, shipped_on, window_start, last_scan_at)
SELECT o.id, o.order_id, o.carrier, o.tracking_code, o.shipped_on, o.window_start, o.last_scan_at FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of shipment's old rows
DROP TABLE "sc-old-1";

COMMIT;

PRAGMA foreign_keys = ON;
