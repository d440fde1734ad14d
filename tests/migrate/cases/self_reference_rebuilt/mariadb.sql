-- schemacog migration for mariadb
-- from: old.yaml (fingerprint f9bf9e5343e28400)
-- to: new.yaml (fingerprint 06a34ba60c108dcb)

SET SESSION foreign_key_checks = 0;

-- data check: a table whose key refuses a failed check's message twice (its error says it)
CREATE TEMPORARY TABLE `sc-check` (message VARCHAR(700) PRIMARY KEY);

-- data check: node.label: max_length (CHAR_LENGTH(label) <= 40): no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break node.label: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, parent_id AS parent_id, label AS label FROM node) AS s WHERE NOT (CHAR_LENGTH(label) <= 40)) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: drop it
DROP TEMPORARY TABLE `sc-check`;

START TRANSACTION;

-- table rebuild: copy the rows of node aside
CREATE TABLE `sc-old-1` AS SELECT id, parent_id, label FROM node;

-- table rebuild: drop table node (its rows are copied aside)
DROP TABLE node;

-- table rebuild: create the rebuilt table node from the new schema
CREATE TABLE node (
    id INT NOT NULL,
    parent_id INT,
    label VARCHAR(41) NOT NULL,
    CONSTRAINT pk_node PRIMARY KEY (id),
    CONSTRAINT fk_node_parent_id FOREIGN KEY (parent_id) REFERENCES node (id),
    CONSTRAINT ck_node_label_max_length CHECK (CHAR_LENGTH(label) <= 40),
    CONSTRAINT ck_node_label_nul CHECK (INSTR(label, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- table rebuild: put the rows of node back, converted
INSERT INTO node (id, parent_id, label)
SELECT o.id, o.parent_id, o.label FROM `sc-old-1` AS o;

-- table rebuild: drop the copy of node's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
