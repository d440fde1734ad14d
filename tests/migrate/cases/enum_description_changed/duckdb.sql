-- schemacog migration for duckdb
-- from: old.yaml (fingerprint a161c2a0ebfaf4b7)
-- to: new.yaml (fingerprint 50b00bc24adc44a1)

-- in place: set the comment of enum stock_condition
COMMENT ON TYPE stock_condition IS 'How counted stock is.';
