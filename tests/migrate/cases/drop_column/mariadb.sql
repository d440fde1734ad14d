-- schemacog migration for mariadb
-- from: old.yaml (fingerprint e6e660057ae6c04d)
-- to: new.yaml (fingerprint 57f595c36eb83bd2)

SET SESSION foreign_key_checks = 0;

START TRANSACTION;

-- table rebuild: copy the rows of product aside
CREATE TABLE `sc-old-1` AS SELECT sku, name, category, details, price, weight_kg, attributes, thumbnail FROM product;

-- destructive: drop table product (its rows are copied aside; without thumbnail)
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
    CONSTRAINT pk_product PRIMARY KEY (sku),
    CONSTRAINT ck_product_sku_max_length CHECK (CHAR_LENGTH(sku) <= 32),
    CONSTRAINT ck_product_sku_pattern CHECK (sku REGEXP '(?s-i)^[A-Z]{4}-[0-9]{2,4}\\z'),
    CONSTRAINT ck_product_sku_nul CHECK (INSTR(sku, CHAR(0)) = 0),
    CONSTRAINT ck_product_name_max_length CHECK (CHAR_LENGTH(name) <= 200),
    CONSTRAINT ck_product_name_nul CHECK (INSTR(name, CHAR(0)) = 0),
    CONSTRAINT ck_product_category_enum CHECK (category IN ('books', 'games', 'hardware', 'gift-card')),
    CONSTRAINT ck_product_details_nul CHECK (INSTR(details, CHAR(0)) = 0),
    CONSTRAINT ck_product_price_min CHECK (price >= 0),
    CONSTRAINT ck_product_weight_kg_min CHECK (weight_kg >= 0.0),
    CONSTRAINT ck_product_weight_kg_max CHECK (weight_kg <= 1000.0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='Something the shop sells.';

-- table rebuild: put the rows of product back, converted
INSERT INTO product (sku, name, category, details, price, weight_kg, attributes)
SELECT o.sku, o.name, o.category, o.details, o.price, o.weight_kg, o.attributes FROM `sc-old-1` AS o;

-- table rebuild: drop the copy of product's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
