-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 393a2ea3074a7500)

BEGIN;

-- in place: change column order_line.line_no: type
ALTER TABLE order_line ALTER COLUMN line_no TYPE integer USING CAST(line_no AS integer);

-- in place: change column return_line.line_no: type
ALTER TABLE return_line ALTER COLUMN line_no TYPE integer USING CAST(line_no AS integer);

COMMIT;
