-- schemacog migration for mariadb
-- from: old.yaml (fingerprint 77b9273823b476b7)
-- to: new.yaml (fingerprint f65df6645d138285)

SET SESSION foreign_key_checks = 0;

-- data check: a table whose key refuses a failed check's message twice (its error says it)
CREATE TEMPORARY TABLE `sc-check` (message VARCHAR(700) PRIMARY KEY);

-- data check: ticket.title: max_length (CHAR_LENGTH(title) <= 80): no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break ticket.title: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, title AS title FROM ticket) AS s WHERE NOT (CHAR_LENGTH(title) <= 80)) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: drop it
DROP TEMPORARY TABLE `sc-check`;

START TRANSACTION;

-- table rebuild: copy the rows of ticket aside
CREATE TABLE `sc-old-1` AS SELECT id, title FROM ticket;

-- table rebuild: drop table ticket (its rows are copied aside)
DROP TABLE ticket;

-- table rebuild: create the rebuilt table ticket from the new schema
CREATE TABLE ticket (
    id BIGINT NOT NULL AUTO_INCREMENT,
    title VARCHAR(81) NOT NULL,
    CONSTRAINT pk_ticket PRIMARY KEY (id),
    CONSTRAINT ck_ticket_title_max_length CHECK (CHAR_LENGTH(title) <= 80),
    CONSTRAINT ck_ticket_title_nul CHECK (INSTR(title, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- table rebuild: put the rows of ticket back, converted
INSERT INTO ticket (id, title)
SELECT o.id, o.title FROM `sc-old-1` AS o;

-- table rebuild: drop the copy of ticket's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
