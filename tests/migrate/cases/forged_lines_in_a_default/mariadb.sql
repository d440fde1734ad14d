-- schemacog migration for mariadb
-- from: old.yaml (fingerprint b252d13b4169934d)
-- to: new.yaml (fingerprint 6524ab82c7e6fd4f)

SET SESSION foreign_key_checks = 0;

-- data check: a table whose key refuses a failed check's message twice (its error says it)
CREATE TEMPORARY TABLE `sc-check` (message VARCHAR(700) PRIMARY KEY);

-- data check: note.tag: max_length (CHAR_LENGTH(tag) <= 40): no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break note.tag: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, body AS body, tag AS tag FROM note) AS s WHERE NOT (CHAR_LENGTH(tag) <= 40)) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: note.tag: NOT NULL: no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break note.tag: NOT NULL') FROM (SELECT count(*) AS n FROM (SELECT id AS id, body AS body, tag AS tag FROM note) AS s WHERE tag IS NULL) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: drop it
DROP TEMPORARY TABLE `sc-check`;

START TRANSACTION;

-- table rebuild: copy the rows of note aside
CREATE TABLE `sc-old-1` AS SELECT id, body, tag FROM note;

-- table rebuild: drop table note (its rows are copied aside)
DROP TABLE note;

-- table rebuild: create the rebuilt table note from the new schema
CREATE TABLE note (
    id INT NOT NULL,
    body LONGTEXT NOT NULL DEFAULT 'b
CREATE SEQUENCE if exists s; drop table victim;
-- x
$sc$ $sc1$ $sc2$',
    tag LONGTEXT NOT NULL DEFAULT 'keep
CREATE SEQUENCE x;
this',
    CONSTRAINT pk_note PRIMARY KEY (id),
    CONSTRAINT ck_note_body_nul CHECK (INSTR(body, CHAR(0)) = 0),
    CONSTRAINT ck_note_tag_max_length CHECK (CHAR_LENGTH(tag) <= 40),
    CONSTRAINT ck_note_tag_nul CHECK (INSTR(tag, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- table rebuild: put the rows of note back, converted
INSERT INTO note (id, body, tag)
SELECT o.id, o.body, o.tag FROM `sc-old-1` AS o;

-- table rebuild: drop the copy of note's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
