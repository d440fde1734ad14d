-- schemacog migration for sqlite
-- from: old.yaml (fingerprint 1cd0e727b9f7f16a)
-- to: new.yaml (fingerprint a8f053981ba4008b)

PRAGMA foreign_keys = OFF;

BEGIN;

-- destructive: drop index ix_customer_name
DROP INDEX ix_customer_name;

-- in place: create index ix_customer_email_name
CREATE INDEX ix_customer_email_name ON customer (email, name);

COMMIT;

PRAGMA foreign_keys = ON;
