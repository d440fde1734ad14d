-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 399706e57c2af6d2)

BEGIN;

-- in place: rename constraint pk_customer to customer_pkey
ALTER TABLE customer RENAME CONSTRAINT pk_customer TO customer_pkey;

-- in place: rename constraint uq_customer_email to customer_email_key
ALTER TABLE customer RENAME CONSTRAINT uq_customer_email TO customer_email_key;

-- in place: rename constraint ck_customer_email_max_length to customer_email_check
ALTER TABLE customer RENAME CONSTRAINT ck_customer_email_max_length TO customer_email_check;

-- in place: rename constraint fk_order_customer_id to order_customer_id_fkey
ALTER TABLE "order" RENAME CONSTRAINT fk_order_customer_id TO order_customer_id_fkey;

COMMIT;
