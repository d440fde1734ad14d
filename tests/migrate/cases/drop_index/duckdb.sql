-- schemacog migration for duckdb
-- from: old.yaml (fingerprint a161c2a0ebfaf4b7)
-- to: new.yaml (fingerprint 459e1ff69882453e)

BEGIN TRANSACTION;

-- destructive: drop index ix_customer_name
DROP INDEX ix_customer_name;

-- in place: create index ix_customer_email_name
CREATE INDEX ix_customer_email_name ON customer (email, name);

COMMIT;
