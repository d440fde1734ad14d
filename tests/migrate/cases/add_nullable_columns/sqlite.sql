-- schemacog migration for sqlite
-- from: old.yaml (fingerprint 3b666dbfd8a607b9)
-- to: new.yaml (fingerprint 505ee053842b4aec)

PRAGMA foreign_keys = OFF;

BEGIN;

-- in place: add column customer.nickname
ALTER TABLE customer ADD COLUMN nickname TEXT CONSTRAINT ck_customer_nickname_max_length CHECK (length(nickname) <= 40) CONSTRAINT ck_customer_nickname_nul CHECK (instr(nickname, char(0)) = 0);

-- in place: add column customer.notes
ALTER TABLE customer ADD COLUMN notes TEXT CONSTRAINT ck_customer_notes_nul CHECK (instr(notes, char(0)) = 0);

COMMIT;

PRAGMA foreign_keys = ON;
