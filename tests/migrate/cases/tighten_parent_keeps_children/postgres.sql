-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 7c065156acacda96)

-- data check: customer.name: max_length (char_length(name) <= 60): no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, public_id AS public_id, email AS email, name AS name, balance AS balance, birth_date AS birth_date, is_active AS is_active, created_at AS created_at, referrer_id AS referrer_id FROM customer) AS s WHERE NOT (char_length(name) <= 60)) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break customer.name: max_length'; END IF; END $sc$;

BEGIN;

-- in place: drop constraint ck_customer_name_max_length of customer (changed or gone)
ALTER TABLE customer DROP CONSTRAINT ck_customer_name_max_length;

-- in place: add constraint of customer
ALTER TABLE customer ADD CONSTRAINT ck_customer_name_max_length CHECK (char_length(name) <= 60);

-- table rebuild: continue customer.id after the highest id
SELECT setval(pg_get_serial_sequence('customer', 'id'), max(id)) FROM customer HAVING max(id) IS NOT NULL;

COMMIT;
