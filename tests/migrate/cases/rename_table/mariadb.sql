-- schemacog migration for mariadb
-- from: old.yaml (fingerprint e6e660057ae6c04d)
-- to: new.yaml (fingerprint abcbb6c6c2623a1d)

SET SESSION foreign_key_checks = 0;

START TRANSACTION;

-- table rebuild: copy the rows of product aside
CREATE TABLE `sc-old-1` AS SELECT sku, name, category, details, price, weight_kg, attributes, thumbnail FROM product;

-- table rebuild: copy the rows of order_line aside
CREATE TABLE `sc-old-2` AS SELECT order_id, line_no, sku, quantity, unit_price FROM order_line;

-- table rebuild: drop table order_line (its rows are copied aside)
DROP TABLE order_line;

-- table rebuild: drop table product (its rows are copied aside)
DROP TABLE product;

-- table rebuild: create the rebuilt table item from the new schema
-- Not enforced by MariaDB: scale of price: more than 2 decimal places are rounded
-- Not enforced by MariaDB: JSON of attributes: stores \u0000 in its text
CREATE TABLE item (
    sku VARCHAR(33) NOT NULL COMMENT 'Stock keeping unit.',
    name VARCHAR(201) NOT NULL,
    category VARCHAR(10) NOT NULL,
    details LONGTEXT COMMENT 'Long description; Markdown allowed.',
    price DECIMAL(10,2) NOT NULL,
    weight_kg DOUBLE,
    attributes JSON COMMENT 'Free-form facts such as colour or size.',
    thumbnail LONGBLOB COMMENT 'A small PNG preview.',
    CONSTRAINT pk_item PRIMARY KEY (sku),
    CONSTRAINT ck_item_sku_max_length CHECK (CHAR_LENGTH(sku) <= 32),
    CONSTRAINT ck_item_sku_pattern CHECK (sku REGEXP '(?s-i)^[A-Z]{4}-[0-9]{2,4}\\z'),
    CONSTRAINT ck_item_sku_nul CHECK (INSTR(sku, CHAR(0)) = 0),
    CONSTRAINT ck_item_name_max_length CHECK (CHAR_LENGTH(name) <= 200),
    CONSTRAINT ck_item_name_nul CHECK (INSTR(name, CHAR(0)) = 0),
    CONSTRAINT ck_item_category_enum CHECK (category IN ('books', 'games', 'hardware', 'gift-card')),
    CONSTRAINT ck_item_details_nul CHECK (INSTR(details, CHAR(0)) = 0),
    CONSTRAINT ck_item_price_min CHECK (price >= 0),
    CONSTRAINT ck_item_weight_kg_min CHECK (weight_kg >= 0.0),
    CONSTRAINT ck_item_weight_kg_max CHECK (weight_kg <= 1000.0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='Something the shop sells.';

-- table rebuild: create the rebuilt table order_line from the new schema
-- Not enforced by MariaDB: scale of unit_price: more than 2 decimal places are rounded
CREATE TABLE order_line (
    order_id BIGINT NOT NULL,
    line_no SMALLINT NOT NULL,
    sku VARCHAR(33) NOT NULL,
    quantity INT NOT NULL DEFAULT 1,
    unit_price DECIMAL(10,2) NOT NULL,
    CONSTRAINT pk_order_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT uq_order_line_order_id_sku UNIQUE (order_id, sku),
    CONSTRAINT fk_order_line_order_id FOREIGN KEY (order_id) REFERENCES `order` (id) ON DELETE CASCADE,
    CONSTRAINT ck_order_line_line_no_min CHECK (line_no >= 1),
    CONSTRAINT ck_order_line_sku_max_length CHECK (CHAR_LENGTH(sku) <= 32),
    CONSTRAINT ck_order_line_sku_nul CHECK (INSTR(sku, CHAR(0)) = 0),
    CONSTRAINT fk_order_line_sku FOREIGN KEY (sku) REFERENCES item (sku),
    CONSTRAINT ck_order_line_quantity_min CHECK (quantity >= 1),
    CONSTRAINT ck_order_line_quantity_max CHECK (quantity <= 1000),
    CONSTRAINT ck_order_line_unit_price_min CHECK (unit_price >= 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='One product in an order.';

-- table rebuild: put the rows of item back, converted
INSERT INTO item (sku, name, category, details, price, weight_kg, attributes, thumbnail)
SELECT o.sku, o.name, o.category, o.details, o.price, o.weight_kg, o.attributes, o.thumbnail FROM `sc-old-1` AS o;

-- table rebuild: put the rows of order_line back, converted
INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price)
SELECT o.order_id, o.line_no, o.sku, o.quantity, o.unit_price FROM `sc-old-2` AS o;

-- table rebuild: drop the copy of item's old rows
DROP TABLE `sc-old-1`;

-- table rebuild: drop the copy of order_line's old rows
DROP TABLE `sc-old-2`;

COMMIT;

SET SESSION foreign_key_checks = 1;
