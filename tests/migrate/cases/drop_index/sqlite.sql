-- schemacog migration for sqlite
-- from: old.yaml (fingerprint 3b666dbfd8a607b9)
-- to: new.yaml (fingerprint 14e3e70b1db1bb8a)

PRAGMA foreign_keys = OFF;

BEGIN;

-- destructive: drop index ix_customer_name
DROP INDEX ix_customer_name;

-- in place: create index ix_customer_email_name
CREATE INDEX ix_customer_email_name ON customer (email, name);

COMMIT;

PRAGMA foreign_keys = ON;
