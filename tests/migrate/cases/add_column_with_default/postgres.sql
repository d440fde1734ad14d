-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 9e1c769e7e1ad1cb)

BEGIN;

-- in place: add column shipment.priority
ALTER TABLE shipment ADD COLUMN priority smallint NOT NULL DEFAULT 3;

-- in place: add column shipment.noted_at
ALTER TABLE shipment ADD COLUMN noted_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP CONSTRAINT ck_shipment_noted_at_instant CHECK (noted_at >= '0001-01-01 00:00:00+00:00' AND noted_at <= '9999-12-31 23:59:59.999999+00:00');

COMMIT;
