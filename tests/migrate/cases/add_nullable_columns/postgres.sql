-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint d5d55ff924864fae)

BEGIN;

-- in place: add column customer.nickname
ALTER TABLE customer ADD COLUMN nickname text CONSTRAINT ck_customer_nickname_max_length CHECK (char_length(nickname) <= 40);

-- in place: add column customer.notes
ALTER TABLE customer ADD COLUMN notes text;

-- in place: set the comment of customer.notes
COMMENT ON COLUMN customer.notes IS 'Free notes.';

COMMIT;
