-- schemacog migration for mariadb
-- from: old.yaml (fingerprint e6e660057ae6c04d)
-- to: new.yaml (fingerprint fb1d1a2ca403e8b7)

SET SESSION foreign_key_checks = 0;

-- data check: a table whose key refuses a failed check's message twice (its error says it)
CREATE TEMPORARY TABLE `sc-check` (message VARCHAR(700) PRIMARY KEY);

-- data check: warehouse.capacity: min (capacity >= 0.0): no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break warehouse.capacity: min') FROM (SELECT count(*) AS n FROM (SELECT code AS code, city AS city, opens AS opens, closes AS closes, capacity AS capacity, manager_id AS manager_id FROM warehouse) AS s WHERE NOT (capacity >= 0.0)) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: drop it
DROP TEMPORARY TABLE `sc-check`;

START TRANSACTION;

-- table rebuild: copy the rows of warehouse aside
CREATE TABLE `sc-old-1` AS SELECT code, city, opens, closes, capacity, manager_id FROM warehouse;

-- table rebuild: drop table warehouse (its rows are copied aside)
DROP TABLE warehouse;

-- table rebuild: create the rebuilt table warehouse from the new schema
-- Not enforced by MariaDB: offset of opens: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of closes: a value with an offset is converted or loses it
CREATE TABLE warehouse (
    code VARCHAR(9) NOT NULL,
    city VARCHAR(81) NOT NULL,
    opens TIME(6) NOT NULL,
    closes TIME(6) NOT NULL,
    capacity DOUBLE NOT NULL,
    manager_id BIGINT,
    CONSTRAINT pk_warehouse PRIMARY KEY (code),
    CONSTRAINT ck_warehouse_code_max_length CHECK (CHAR_LENGTH(code) <= 8),
    CONSTRAINT ck_warehouse_code_pattern CHECK (code REGEXP '(?s-i)^[A-Z]{3}[0-9]\\z'),
    CONSTRAINT ck_warehouse_code_nul CHECK (INSTR(code, CHAR(0)) = 0),
    CONSTRAINT ck_warehouse_city_max_length CHECK (CHAR_LENGTH(city) <= 80),
    CONSTRAINT ck_warehouse_city_nul CHECK (INSTR(city, CHAR(0)) = 0),
    CONSTRAINT ck_warehouse_capacity_min CHECK (capacity >= 0.0),
    CONSTRAINT fk_warehouse_manager_id FOREIGN KEY (manager_id) REFERENCES customer (id) ON DELETE SET NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A place stock is kept and shipped from.';

-- table rebuild: put the rows of warehouse back, converted
INSERT INTO warehouse (code, city, opens, closes, capacity, manager_id)
SELECT o.code, o.city, o.opens, o.closes, o.capacity, o.manager_id FROM `sc-old-1` AS o;

-- table rebuild: drop the copy of warehouse's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
