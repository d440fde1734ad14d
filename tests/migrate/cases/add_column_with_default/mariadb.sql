-- schemacog migration for mariadb
-- from: old.yaml (fingerprint e6e660057ae6c04d)
-- to: new.yaml (fingerprint f711722d5154b836)

SET SESSION foreign_key_checks = 0;

START TRANSACTION;

-- in place: add column shipment.priority
ALTER TABLE shipment ADD COLUMN priority SMALLINT NOT NULL DEFAULT 3;

-- in place: add column shipment.noted_at
ALTER TABLE shipment ADD COLUMN noted_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6));

COMMIT;

SET SESSION foreign_key_checks = 1;
