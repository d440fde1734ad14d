-- schemacog migration for sqlite
-- from: old.yaml (fingerprint b0fbea685824d113)
-- to: new.yaml (fingerprint c4a68e6e5de93884)

PRAGMA foreign_keys = OFF;

BEGIN;

-- table rebuild: copy the rows of product aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT sku, name, category, details, price, weight_kg, attributes, thumbnail FROM product;

-- table rebuild: copy the rows of order_line aside
CREATE TEMPORARY TABLE "sc-old-2" AS SELECT order_id, line_no, sku, quantity, unit_price FROM order_line;

-- table rebuild: drop table order_line (its rows are copied aside)
DROP TABLE order_line;

-- table rebuild: drop table product (its rows are copied aside)
DROP TABLE product;

-- table rebuild: create the rebuilt table item from the new schema
CREATE TABLE item
-- Not enforced by SQLite: pattern of sku: ^[A-Z]{4}-[0-9]{2,4}$
-- Not enforced by SQLite: scale of price: a value is compared as a double, so places past 15 significant digits are not seen
-- Not enforced by SQLite: NaN in weight_kg (the driver stores NaN as NULL)
-- Not enforced by SQLite: JSON of attributes: stores \u0000 and lone surrogates (\ud800) in its text, and arrays and objects nested deeper than 31
-- Something the shop sells.
(
    -- Stock keeping unit.
    sku TEXT NOT NULL CONSTRAINT pk_item PRIMARY KEY CONSTRAINT ck_item_sku_max_length CHECK (length(sku) <= 32) CONSTRAINT ck_item_sku_nul CHECK (instr(sku, char(0)) = 0),
    name TEXT NOT NULL CONSTRAINT ck_item_name_max_length CHECK (length(name) <= 200) CONSTRAINT ck_item_name_nul CHECK (instr(name, char(0)) = 0),
    category TEXT NOT NULL CONSTRAINT ck_item_category_enum CHECK (category IN ('books', 'games', 'hardware', 'gift-card')),
    -- Long description; Markdown allowed.
    details TEXT CONSTRAINT ck_item_details_nul CHECK (instr(details, char(0)) = 0),
    price NUMERIC(10,2) NOT NULL CONSTRAINT ck_item_price_min CHECK (price >= 0) CONSTRAINT ck_item_price_precision CHECK (abs(price) < 100000000) CONSTRAINT ck_item_price_scale CHECK (price = round(price, 2)) CONSTRAINT ck_item_price_finite CHECK (typeof(price) IN ('integer', 'real', 'null')),
    weight_kg REAL CONSTRAINT ck_item_weight_kg_min CHECK (weight_kg >= 0.0) CONSTRAINT ck_item_weight_kg_max CHECK (weight_kg <= 1000.0) CONSTRAINT ck_item_weight_kg_finite CHECK (weight_kg NOT IN (9e999, -9e999)),
    -- Free-form facts such as colour or size.
    attributes TEXT CONSTRAINT ck_item_attributes_json CHECK (attributes IS NULL OR json_valid(attributes)),
    -- A small PNG preview.
    thumbnail BLOB
);

-- table rebuild: create the rebuilt table order_line from the new schema
CREATE TABLE order_line
-- Not enforced by SQLite: scale of unit_price: a value is compared as a double, so places past 15 significant digits are not seen
-- One product in an order.
(
    order_id INTEGER NOT NULL CONSTRAINT fk_order_line_order_id REFERENCES "order" (id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL CONSTRAINT ck_order_line_line_no_min CHECK (line_no >= 1) CONSTRAINT ck_order_line_line_no_max CHECK (line_no <= 32767),
    sku TEXT NOT NULL CONSTRAINT ck_order_line_sku_max_length CHECK (length(sku) <= 32) CONSTRAINT ck_order_line_sku_nul CHECK (instr(sku, char(0)) = 0) CONSTRAINT fk_order_line_sku REFERENCES item (sku),
    quantity INTEGER NOT NULL DEFAULT 1 CONSTRAINT ck_order_line_quantity_min CHECK (quantity >= 1) CONSTRAINT ck_order_line_quantity_max CHECK (quantity <= 1000),
    unit_price NUMERIC(10,2) NOT NULL CONSTRAINT ck_order_line_unit_price_min CHECK (unit_price >= 0) CONSTRAINT ck_order_line_unit_price_precision CHECK (abs(unit_price) < 100000000) CONSTRAINT ck_order_line_unit_price_scale CHECK (unit_price = round(unit_price, 2)) CONSTRAINT ck_order_line_unit_price_finite CHECK (typeof(unit_price) IN ('integer', 'real', 'null')),
    CONSTRAINT pk_order_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT uq_order_line_order_id_sku UNIQUE (order_id, sku)
);

-- table rebuild: put the rows of item back, converted
INSERT INTO item (sku, name, category, details, price, weight_kg, attributes, thumbnail)
SELECT o.sku, o.name, o.category, o.details, o.price, o.weight_kg, o.attributes, o.thumbnail FROM "sc-old-1" AS o;

-- table rebuild: put the rows of order_line back, converted
INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price)
SELECT o.order_id, o.line_no, o.sku, o.quantity, o.unit_price FROM "sc-old-2" AS o;

-- table rebuild: drop the copy of item's old rows
DROP TABLE "sc-old-1";

-- table rebuild: drop the copy of order_line's old rows
DROP TABLE "sc-old-2";

COMMIT;

PRAGMA foreign_keys = ON;
