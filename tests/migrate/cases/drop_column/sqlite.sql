-- schemacog migration for sqlite
-- from: old.yaml (fingerprint b0fbea685824d113)
-- to: new.yaml (fingerprint 6502e35cf9c61aea)

PRAGMA foreign_keys = OFF;

BEGIN;

-- table rebuild: copy the rows of product aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT sku, name, category, details, price, weight_kg, attributes, thumbnail FROM product;

-- destructive: drop table product (its rows are copied aside; without thumbnail)
DROP TABLE product;

-- table rebuild: create the rebuilt table product from the new schema
CREATE TABLE product
-- Not enforced by SQLite: pattern of sku: ^[A-Z]{4}-[0-9]{2,4}$
-- Not enforced by SQLite: scale of price: a value is compared as a double, so places past 15 significant digits are not seen
-- Not enforced by SQLite: NaN in weight_kg (the driver stores NaN as NULL)
-- Not enforced by SQLite: JSON of attributes: stores \u0000 and lone surrogates (\ud800) in its text, and arrays and objects nested deeper than 31
-- Something the shop sells.
(
    -- Stock keeping unit.
    sku TEXT NOT NULL CONSTRAINT pk_product PRIMARY KEY CONSTRAINT ck_product_sku_max_length CHECK (length(sku) <= 32) CONSTRAINT ck_product_sku_nul CHECK (instr(sku, char(0)) = 0),
    name TEXT NOT NULL CONSTRAINT ck_product_name_max_length CHECK (length(name) <= 200) CONSTRAINT ck_product_name_nul CHECK (instr(name, char(0)) = 0),
    category TEXT NOT NULL CONSTRAINT ck_product_category_enum CHECK (category IN ('books', 'games', 'hardware', 'gift-card')),
    -- Long description; Markdown allowed.
    details TEXT CONSTRAINT ck_product_details_nul CHECK (instr(details, char(0)) = 0),
    price NUMERIC(10,2) NOT NULL CONSTRAINT ck_product_price_min CHECK (price >= 0) CONSTRAINT ck_product_price_precision CHECK (abs(price) < 100000000) CONSTRAINT ck_product_price_scale CHECK (price = round(price, 2)) CONSTRAINT ck_product_price_finite CHECK (typeof(price) IN ('integer', 'real', 'null')),
    weight_kg REAL CONSTRAINT ck_product_weight_kg_min CHECK (weight_kg >= 0.0) CONSTRAINT ck_product_weight_kg_max CHECK (weight_kg <= 1000.0) CONSTRAINT ck_product_weight_kg_finite CHECK (weight_kg NOT IN (9e999, -9e999)),
    -- Free-form facts such as colour or size.
    attributes TEXT CONSTRAINT ck_product_attributes_json CHECK (attributes IS NULL OR json_valid(attributes))
);

-- table rebuild: put the rows of product back, converted
INSERT INTO product (sku, name, category, details, price, weight_kg, attributes)
SELECT o.sku, o.name, o.category, o.details, o.price, o.weight_kg, o.attributes FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of product's old rows
DROP TABLE "sc-old-1";

COMMIT;

PRAGMA foreign_keys = ON;
