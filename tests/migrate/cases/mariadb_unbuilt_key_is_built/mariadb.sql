-- schemacog migration for mariadb
-- from: old.yaml (fingerprint 77e90acf76ed6321)
-- to: new.yaml (fingerprint a1f801cb95237163)

SET SESSION foreign_key_checks = 0;

-- data check: a table whose key refuses a failed check's message twice (its error says it)
CREATE TEMPORARY TABLE `sc-check` (message VARCHAR(700) PRIMARY KEY);

-- data check: parent.code: max_length (CHAR_LENGTH(code) <= 50): no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break parent.code: max_length') FROM (SELECT count(*) AS n FROM (SELECT code AS code FROM parent) AS s WHERE NOT (CHAR_LENGTH(code) <= 50)) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: child.ref: max_length (CHAR_LENGTH(ref) <= 50): no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break child.ref: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, ref AS ref FROM child) AS s WHERE NOT (CHAR_LENGTH(ref) <= 50)) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: child (ref) -> parent: foreign key: no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break child (ref) -> parent: foreign key') FROM (SELECT count(*) AS n FROM (SELECT id AS id, ref AS ref FROM child) AS s WHERE s.ref IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (SELECT code AS code FROM parent) AS p WHERE p.code = s.ref)) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: drop it
DROP TEMPORARY TABLE `sc-check`;

START TRANSACTION;

-- table rebuild: copy the rows of parent aside
CREATE TABLE `sc-old-1` AS SELECT code FROM parent;

-- table rebuild: copy the rows of child aside
CREATE TABLE `sc-old-2` AS SELECT id, ref FROM child;

-- table rebuild: drop table child (its rows are copied aside)
DROP TABLE child;

-- table rebuild: drop table parent (its rows are copied aside)
DROP TABLE parent;

-- table rebuild: create the rebuilt table parent from the new schema
CREATE TABLE parent (
    code VARCHAR(51) NOT NULL,
    CONSTRAINT pk_parent PRIMARY KEY (code),
    CONSTRAINT ck_parent_code_max_length CHECK (CHAR_LENGTH(code) <= 50),
    CONSTRAINT ck_parent_code_nul CHECK (INSTR(code, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- table rebuild: create the rebuilt table child from the new schema
CREATE TABLE child (
    id INT NOT NULL,
    ref VARCHAR(51),
    CONSTRAINT pk_child PRIMARY KEY (id),
    CONSTRAINT ck_child_ref_max_length CHECK (CHAR_LENGTH(ref) <= 50),
    CONSTRAINT ck_child_ref_nul CHECK (INSTR(ref, CHAR(0)) = 0),
    CONSTRAINT fk_child_ref FOREIGN KEY (ref) REFERENCES parent (code)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- table rebuild: put the rows of parent back, converted
INSERT INTO parent (code)
SELECT o.code FROM `sc-old-1` AS o;

-- table rebuild: put the rows of child back, converted
INSERT INTO child (id, ref)
SELECT o.id, o.ref FROM `sc-old-2` AS o;

-- table rebuild: drop the copy of parent's old rows
DROP TABLE `sc-old-1`;

-- table rebuild: drop the copy of child's old rows
DROP TABLE `sc-old-2`;

COMMIT;

SET SESSION foreign_key_checks = 1;
