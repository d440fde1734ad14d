-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 71d87e54c1c0b735)

BEGIN;

-- table rebuild: copy the rows of product aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT sku, name, CAST(category AS TEXT) AS category, details, price, weight_kg, attributes, thumbnail FROM product;

-- table rebuild: copy the rows of order_line aside
CREATE TEMPORARY TABLE "sc-old-2" AS SELECT order_id, line_no, sku, quantity, unit_price FROM order_line;

-- table rebuild: copy the rows of return_line aside
CREATE TEMPORARY TABLE "sc-old-3" AS SELECT order_id, line_no, returned_on, quantity, reason FROM return_line;

-- table rebuild: drop table return_line (its rows are copied aside)
DROP TABLE return_line;

-- table rebuild: drop table order_line (its rows are copied aside)
DROP TABLE order_line;

-- destructive: drop table product (its rows are copied aside; without thumbnail)
DROP TABLE product;

-- table rebuild: create the rebuilt table product from the new schema
-- Not enforced by PostgreSQL: scale of price: more than 2 decimal places are rounded
-- Not enforced by PostgreSQL: JSON of attributes: stores arrays and objects nested deeper than 31
CREATE TABLE product (
    sku text NOT NULL CONSTRAINT pk_product PRIMARY KEY CONSTRAINT ck_product_sku_max_length CHECK (char_length(sku) <= 32) CONSTRAINT ck_product_sku_pattern CHECK (sku ~ '^[A-Z]{4}-[0-9]{2,4}$'),
    name text NOT NULL CONSTRAINT ck_product_name_max_length CHECK (char_length(name) <= 200),
    category product_category NOT NULL,
    details text,
    price numeric(10,2) NOT NULL CONSTRAINT ck_product_price_min CHECK (price >= 0) CONSTRAINT ck_product_price_finite CHECK (price NOT IN ('NaN', 'Infinity', '-Infinity')),
    weight_kg double precision CONSTRAINT ck_product_weight_kg_min CHECK (weight_kg >= 0.0) CONSTRAINT ck_product_weight_kg_max CHECK (weight_kg <= 1000.0) CONSTRAINT ck_product_weight_kg_finite CHECK (weight_kg NOT IN ('NaN', 'Infinity', '-Infinity')),
    attributes jsonb
);

-- table rebuild: create the rebuilt table order_line from the new schema
-- Not enforced by PostgreSQL: scale of unit_price: more than 2 decimal places are rounded
CREATE TABLE order_line (
    order_id bigint NOT NULL CONSTRAINT fk_order_line_order_id REFERENCES "order" (id) ON DELETE CASCADE,
    line_no smallint NOT NULL CONSTRAINT ck_order_line_line_no_min CHECK (line_no >= 1),
    sku text NOT NULL CONSTRAINT ck_order_line_sku_max_length CHECK (char_length(sku) <= 32) CONSTRAINT fk_order_line_sku REFERENCES product (sku),
    quantity integer NOT NULL DEFAULT 1 CONSTRAINT ck_order_line_quantity_min CHECK (quantity >= 1) CONSTRAINT ck_order_line_quantity_max CHECK (quantity <= 1000),
    unit_price numeric(10,2) NOT NULL CONSTRAINT ck_order_line_unit_price_min CHECK (unit_price >= 0) CONSTRAINT ck_order_line_unit_price_finite CHECK (unit_price NOT IN ('NaN', 'Infinity', '-Infinity')),
    CONSTRAINT pk_order_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT uq_order_line_order_id_sku UNIQUE (order_id, sku)
);

-- table rebuild: create the rebuilt table return_line from the new schema
CREATE TABLE return_line (
    order_id bigint NOT NULL,
    line_no smallint NOT NULL,
    returned_on date NOT NULL,
    quantity integer NOT NULL CONSTRAINT ck_return_line_quantity_min CHECK (quantity >= 1),
    reason text CONSTRAINT ck_return_line_reason_max_length CHECK (char_length(reason) <= 1000),
    CONSTRAINT pk_return_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_return_line_order_id_line_no FOREIGN KEY (order_id, line_no) REFERENCES order_line (order_id, line_no) ON DELETE CASCADE
);

-- table rebuild: put the rows of product back, converted
INSERT INTO product (sku, name, category, details, price, weight_kg, attributes)
SELECT o.sku, o.name, CAST(o.category AS product_category), o.details, o.price, o.weight_kg, o.attributes FROM "sc-old-1" AS o;

-- table rebuild: put the rows of order_line back, converted
INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price)
SELECT o.order_id, o.line_no, o.sku, o.quantity, o.unit_price FROM "sc-old-2" AS o;

-- table rebuild: put the rows of return_line back, converted
INSERT INTO return_line (order_id, line_no, returned_on, quantity, reason)
SELECT o.order_id, o.line_no, o.returned_on, o.quantity, o.reason FROM "sc-old-3" AS o;

-- in place: set a comment
COMMENT ON TABLE product IS 'Something the shop sells.';

-- in place: set a comment
COMMENT ON COLUMN product.sku IS 'Stock keeping unit.';

-- in place: set a comment
COMMENT ON COLUMN product.details IS 'Long description; Markdown allowed.';

-- in place: set a comment
COMMENT ON COLUMN product.attributes IS 'Free-form facts such as colour or size.';

-- in place: set a comment
COMMENT ON TABLE order_line IS 'One product in an order.';

-- in place: set a comment
COMMENT ON TABLE return_line IS 'A line of an order sent back by the customer.';

-- table rebuild: drop the copy of product's old rows
DROP TABLE "sc-old-1";

-- table rebuild: drop the copy of order_line's old rows
DROP TABLE "sc-old-2";

-- table rebuild: drop the copy of return_line's old rows
DROP TABLE "sc-old-3";

COMMIT;
