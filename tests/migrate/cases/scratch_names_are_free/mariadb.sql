-- schemacog migration for mariadb
-- from: old.yaml (fingerprint eb189be6e1b803a8)
-- to: new.yaml (fingerprint 35f533f9f26d575c)

SET SESSION foreign_key_checks = 0;

-- data check: a table whose key refuses a failed check's message twice (its error says it)
CREATE TEMPORARY TABLE `sc-check` (message VARCHAR(700) PRIMARY KEY);

-- data check: a.name: max_length (CHAR_LENGTH(name) <= 30): no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break a.name: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, name AS name FROM a) AS s WHERE NOT (CHAR_LENGTH(name) <= 30)) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: sc_old_1.name: max_length (CHAR_LENGTH(name) <= 30): no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break sc_old_1.name: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, name AS name FROM sc_old_1) AS s WHERE NOT (CHAR_LENGTH(name) <= 30)) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: _sc_check.message: max_length (CHAR_LENGTH(message) <= 30): no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break _sc_check.message: max_length') FROM (SELECT count(*) AS n FROM (SELECT message AS message FROM _sc_check) AS s WHERE NOT (CHAR_LENGTH(message) <= 30)) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: drop it
DROP TEMPORARY TABLE `sc-check`;

START TRANSACTION;

-- table rebuild: copy the rows of a aside
CREATE TABLE `sc-old-1` AS SELECT id, name FROM a;

-- table rebuild: copy the rows of sc_old_1 aside
CREATE TABLE `sc-old-2` AS SELECT id, name FROM sc_old_1;

-- table rebuild: copy the rows of _sc_check aside
CREATE TABLE `sc-old-3` AS SELECT message FROM _sc_check;

-- table rebuild: drop table _sc_check (its rows are copied aside)
DROP TABLE _sc_check;

-- table rebuild: drop table sc_old_1 (its rows are copied aside)
DROP TABLE sc_old_1;

-- table rebuild: drop table a (its rows are copied aside)
DROP TABLE a;

-- table rebuild: create the rebuilt table a from the new schema
CREATE TABLE a (
    id INT NOT NULL,
    name VARCHAR(31) NOT NULL,
    CONSTRAINT pk_a PRIMARY KEY (id),
    CONSTRAINT ck_a_name_max_length CHECK (CHAR_LENGTH(name) <= 30),
    CONSTRAINT ck_a_name_nul CHECK (INSTR(name, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- table rebuild: create the rebuilt table sc_old_1 from the new schema
CREATE TABLE sc_old_1 (
    id INT NOT NULL,
    name VARCHAR(31) NOT NULL,
    CONSTRAINT pk_sc_old_1 PRIMARY KEY (id),
    CONSTRAINT ck_sc_old_1_name_max_length CHECK (CHAR_LENGTH(name) <= 30),
    CONSTRAINT ck_sc_old_1_name_nul CHECK (INSTR(name, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- table rebuild: create the rebuilt table _sc_check from the new schema
CREATE TABLE _sc_check (
    message VARCHAR(31) NOT NULL,
    CONSTRAINT pk__sc_check PRIMARY KEY (message),
    CONSTRAINT ck__sc_check_message_max_length CHECK (CHAR_LENGTH(message) <= 30),
    CONSTRAINT ck__sc_check_message_nul CHECK (INSTR(message, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- table rebuild: put the rows of a back, converted
INSERT INTO a (id, name)
SELECT o.id, o.name FROM `sc-old-1` AS o;

-- table rebuild: put the rows of sc_old_1 back, converted
INSERT INTO sc_old_1 (id, name)
SELECT o.id, o.name FROM `sc-old-2` AS o;

-- table rebuild: put the rows of _sc_check back, converted
INSERT INTO _sc_check (message)
SELECT o.message FROM `sc-old-3` AS o;

-- table rebuild: drop the copy of a's old rows
DROP TABLE `sc-old-1`;

-- table rebuild: drop the copy of sc_old_1's old rows
DROP TABLE `sc-old-2`;

-- table rebuild: drop the copy of _sc_check's old rows
DROP TABLE `sc-old-3`;

COMMIT;

SET SESSION foreign_key_checks = 1;
