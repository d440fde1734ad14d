-- schemacog migration for mariadb
-- from: old.yaml (fingerprint e6e660057ae6c04d)
-- to: new.yaml (fingerprint 8706ded21897ca01)

SET SESSION foreign_key_checks = 0;

-- data check: a table whose key refuses a failed check's message twice (its error says it)
CREATE TEMPORARY TABLE `sc-check` (message VARCHAR(700) PRIMARY KEY);

-- data check: product (name): unique: no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break product (name): unique') FROM (SELECT count(*) AS n FROM (SELECT name FROM (SELECT sku AS sku, name AS name, category AS category, details AS details, price AS price, weight_kg AS weight_kg, attributes AS attributes, thumbnail AS thumbnail FROM product) AS s WHERE name IS NOT NULL GROUP BY name HAVING count(*) > 1) AS d) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: drop it
DROP TEMPORARY TABLE `sc-check`;

START TRANSACTION;

-- table rebuild: copy the rows of product aside
CREATE TABLE `sc-old-1` AS SELECT sku, name, category, details, price, weight_kg, attributes, thumbnail FROM product;

-- table rebuild: drop table product (its rows are copied aside)
DROP TABLE product;

-- table rebuild: create the rebuilt table product from the new schema
-- Not enforced by MariaDB: scale of price: more than 2 decimal places are rounded
-- Not enforced by MariaDB: JSON of attributes: stores \u0000 in its text
CREATE TABLE product (
    sku VARCHAR(33) NOT NULL COMMENT 'Stock keeping unit.',
    name VARCHAR(201) NOT NULL,
    category VARCHAR(10) NOT NULL,
    details LONGTEXT COMMENT 'Long description; Markdown allowed.',
    price DECIMAL(10,2) NOT NULL,
    weight_kg DOUBLE,
    attributes JSON COMMENT 'Free-form facts such as colour or size.',
    thumbnail LONGBLOB COMMENT 'A small PNG preview.',
    CONSTRAINT pk_product PRIMARY KEY (sku),
    CONSTRAINT ck_product_sku_max_length CHECK (CHAR_LENGTH(sku) <= 32),
    CONSTRAINT ck_product_sku_pattern CHECK (sku REGEXP '(?s-i)^[A-Z]{4}-[0-9]{2,4}\\z'),
    CONSTRAINT ck_product_sku_nul CHECK (INSTR(sku, CHAR(0)) = 0),
    CONSTRAINT uq_product_name UNIQUE (name),
    CONSTRAINT ck_product_name_max_length CHECK (CHAR_LENGTH(name) <= 200),
    CONSTRAINT ck_product_name_nul CHECK (INSTR(name, CHAR(0)) = 0),
    CONSTRAINT ck_product_category_enum CHECK (category IN ('books', 'games', 'hardware', 'gift-card')),
    CONSTRAINT ck_product_details_nul CHECK (INSTR(details, CHAR(0)) = 0),
    CONSTRAINT ck_product_price_min CHECK (price >= 0),
    CONSTRAINT ck_product_weight_kg_min CHECK (weight_kg >= 0.0),
    CONSTRAINT ck_product_weight_kg_max CHECK (weight_kg <= 1000.0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='Something the shop sells.';

-- table rebuild: put the rows of product back, converted
INSERT INTO product (sku, name, category, details, price, weight_kg, attributes, thumbnail)
SELECT o.sku, o.name, o.category, o.details, o.price, o.weight_kg, o.attributes, o.thumbnail FROM `sc-old-1` AS o;

-- table rebuild: drop the copy of product's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
