-- schemacog migration for mariadb
-- from: old.yaml (fingerprint e6e660057ae6c04d)
-- to: new.yaml (fingerprint 3728b69a651b1854)

SET SESSION foreign_key_checks = 0;

START TRANSACTION;

-- in place: add column customer.nickname
ALTER TABLE customer ADD COLUMN nickname VARCHAR(41), ADD CONSTRAINT ck_customer_nickname_max_length CHECK (CHAR_LENGTH(nickname) <= 40), ADD CONSTRAINT ck_customer_nickname_nul CHECK (INSTR(nickname, CHAR(0)) = 0);

-- in place: add column customer.notes
ALTER TABLE customer ADD COLUMN notes LONGTEXT COMMENT 'Free notes.', ADD CONSTRAINT ck_customer_notes_nul CHECK (INSTR(notes, CHAR(0)) = 0);

COMMIT;

SET SESSION foreign_key_checks = 1;
