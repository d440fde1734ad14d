-- schemacog migration for sqlite
-- from: old.yaml (fingerprint 1cd0e727b9f7f16a)
-- to: new.yaml (fingerprint 3705eb2768d29d1d)

PRAGMA foreign_keys = OFF;

BEGIN;

-- in place: add column customer.nickname
ALTER TABLE customer ADD COLUMN nickname TEXT CONSTRAINT ck_customer_nickname_max_length CHECK (length(nickname) <= 40) CONSTRAINT ck_customer_nickname_nul CHECK (instr(nickname, char(0)) = 0);

-- in place: add column customer.notes
ALTER TABLE customer ADD COLUMN notes TEXT CONSTRAINT ck_customer_notes_nul CHECK (instr(notes, char(0)) = 0);

COMMIT;

PRAGMA foreign_keys = ON;
