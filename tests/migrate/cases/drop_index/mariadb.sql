-- schemacog migration for mariadb
-- from: old.yaml (fingerprint e6e660057ae6c04d)
-- to: new.yaml (fingerprint 9d134fabf521e24b)

SET SESSION foreign_key_checks = 0;

START TRANSACTION;

-- destructive: drop index ix_customer_name
DROP INDEX ix_customer_name ON customer;

-- in place: create index ix_customer_email_name
CREATE INDEX ix_customer_email_name ON customer (email, name);

COMMIT;

SET SESSION foreign_key_checks = 1;
