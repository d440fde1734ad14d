-- schemacog migration for mariadb
-- from: old.yaml (fingerprint 92bbcf123bf8937b)
-- to: new.yaml (fingerprint 2bf6ef8925ec14b1)

SET SESSION foreign_key_checks = 0;

-- data check: a table whose key refuses a failed check's message twice (its error says it)
CREATE TEMPORARY TABLE `sc-check` (message VARCHAR(700) PRIMARY KEY);

-- data check: child.pid: max (pid <= 100): no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break child.pid: max') FROM (SELECT count(*) AS n FROM (SELECT id AS id, pid AS pid FROM child) AS s WHERE NOT (pid <= 100)) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: drop it
DROP TEMPORARY TABLE `sc-check`;

START TRANSACTION;

-- table rebuild: copy the rows of child aside
CREATE TABLE `sc-old-1` AS SELECT id, pid FROM child;

-- table rebuild: drop table child (its rows are copied aside)
DROP TABLE child;

-- table rebuild: create the rebuilt table child from the new schema
CREATE TABLE child (
    id INT NOT NULL,
    pid INT,
    CONSTRAINT pk_child PRIMARY KEY (id),
    CONSTRAINT ck_child_pid_max CHECK (pid <= 100),
    CONSTRAINT fk_child_pid FOREIGN KEY (pid) REFERENCES parent (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- table rebuild: put the rows of child back, converted
INSERT INTO child (id, pid)
SELECT o.id, o.pid FROM `sc-old-1` AS o;

-- table rebuild: drop the copy of child's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
