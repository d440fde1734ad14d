-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint f592f4ab5879e5d1)

-- in place: rename enum order_status to order_state
ALTER TYPE order_status RENAME TO order_state;
