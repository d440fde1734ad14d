-- schemacog migration for sqlite
-- from: old.yaml (fingerprint b0fbea685824d113)
-- to: new.yaml (fingerprint 9b33dedb64fd62bf)

PRAGMA foreign_keys = OFF;

BEGIN;

-- destructive: drop index ix_customer_name
DROP INDEX ix_customer_name;

-- in place: create index ix_customer_email_name
CREATE INDEX ix_customer_email_name ON customer (email, name);

COMMIT;

PRAGMA foreign_keys = ON;
