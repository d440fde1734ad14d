-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 9d1230cfc3cae5e5)

-- in place: set the comment of enum stock_condition
COMMENT ON TYPE stock_condition IS 'How counted stock is.';
