-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 9477a0cc476b4119)

-- in place: rename value 'paid' of enum order_status to 'settled'
ALTER TYPE order_status RENAME VALUE 'paid' TO 'settled';
