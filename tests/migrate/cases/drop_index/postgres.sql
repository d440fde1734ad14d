-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 56870264be76c2e0)

BEGIN;

-- destructive: drop index ix_customer_name
DROP INDEX ix_customer_name;

-- in place: create index ix_customer_email_name
CREATE INDEX ix_customer_email_name ON customer (email, name);

COMMIT;
