-- schemacog migration for mariadb
-- from: old.yaml (fingerprint e6e660057ae6c04d)
-- to: new.yaml (fingerprint 39f4a067b419cdc1)

SET SESSION foreign_key_checks = 0;

-- data check: a table whose key refuses a failed check's message twice (its error says it)
CREATE TEMPORARY TABLE `sc-check` (message VARCHAR(700) PRIMARY KEY);

-- data check: stock_count (warehouse) -> warehouse: foreign key: no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break stock_count (warehouse) -> warehouse: foreign key') FROM (SELECT count(*) AS n FROM (SELECT count_id AS count_id, sku AS sku, warehouse AS warehouse, counted_on AS counted_on, quantity AS quantity, unit_cost AS unit_cost, `condition` AS `condition`, counted_by AS counted_by, note AS note FROM stock_count) AS s WHERE s.warehouse IS NOT NULL AND NOT EXISTS (SELECT 1 FROM (SELECT code AS code, city AS city, opens AS opens, closes AS closes, capacity AS capacity, manager_id AS manager_id FROM warehouse) AS p WHERE p.code = s.warehouse)) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: drop it
DROP TEMPORARY TABLE `sc-check`;

START TRANSACTION;

-- table rebuild: copy the rows of stock_count aside
CREATE TABLE `sc-old-1` AS SELECT count_id, sku, warehouse, counted_on, quantity, unit_cost, `condition`, counted_by, note FROM stock_count;

-- table rebuild: drop table stock_count (its rows are copied aside)
DROP TABLE stock_count;

-- table rebuild: create the rebuilt table stock_count from the new schema
-- Not enforced by MariaDB: scale of unit_cost: more than 2 decimal places are rounded
CREATE TABLE stock_count (
    count_id BIGINT NOT NULL,
    sku VARCHAR(33) NOT NULL,
    warehouse VARCHAR(9) NOT NULL,
    counted_on DATE NOT NULL,
    quantity INT NOT NULL COMMENT 'Items on the shelf; over 5000 is checked by hand.',
    unit_cost DECIMAL(10,2),
    `condition` VARCHAR(8) NOT NULL DEFAULT 'new',
    counted_by UUID COMMENT 'The counting employee''s badge.',
    note LONGTEXT,
    CONSTRAINT uq_stock_count_sku_warehouse_counted_on UNIQUE (sku, warehouse, counted_on),
    CONSTRAINT pk_stock_count PRIMARY KEY (count_id),
    CONSTRAINT ck_stock_count_sku_max_length CHECK (CHAR_LENGTH(sku) <= 32),
    CONSTRAINT ck_stock_count_sku_pattern CHECK (sku REGEXP '(?s-i)^[A-Z]{4}-[0-9]{2,4}\\z'),
    CONSTRAINT ck_stock_count_sku_nul CHECK (INSTR(sku, CHAR(0)) = 0),
    CONSTRAINT ck_stock_count_warehouse_max_length CHECK (CHAR_LENGTH(warehouse) <= 8),
    CONSTRAINT ck_stock_count_warehouse_pattern CHECK (warehouse REGEXP '(?s-i)^[A-Z]{3}[0-9]\\z'),
    CONSTRAINT ck_stock_count_warehouse_nul CHECK (INSTR(warehouse, CHAR(0)) = 0),
    CONSTRAINT fk_stock_count_warehouse FOREIGN KEY (warehouse) REFERENCES warehouse (code),
    CONSTRAINT ck_stock_count_quantity_min CHECK (quantity >= 0),
    CONSTRAINT ck_stock_count_unit_cost_min CHECK (unit_cost >= 0),
    CONSTRAINT ck_stock_count_condition_enum CHECK (`condition` IN ('new', 'used', 'damaged')),
    CONSTRAINT ck_stock_count_note_max_length CHECK (CHAR_LENGTH(note) <= 200),
    CONSTRAINT ck_stock_count_note_nul CHECK (INSTR(note, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A shelf count from a warehouse spreadsheet.';

-- table rebuild: put the rows of stock_count back, converted
INSERT INTO stock_count (count_id, sku, warehouse, counted_on, quantity, unit_cost, `condition`, counted_by, note)
SELECT o.count_id, o.sku, o.warehouse, o.counted_on, o.quantity, o.unit_cost, o.`condition`, o.counted_by, o.note FROM `sc-old-1` AS o;

-- table rebuild: drop the copy of stock_count's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
