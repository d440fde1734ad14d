-- schemacog migration for mariadb
-- from: old.yaml (fingerprint 853ff8a46bea218a)
-- to: new.yaml (fingerprint acf38fea269ab725)

SET SESSION foreign_key_checks = 0;

START TRANSACTION;

-- in place: add column note.stars
ALTER TABLE note ADD COLUMN stars INT NOT NULL DEFAULT 7;

COMMIT;

SET SESSION foreign_key_checks = 1;
