-- schemacog migration for duckdb
-- from: old.yaml (fingerprint a161c2a0ebfaf4b7)
-- to: new.yaml (fingerprint bbb88fab3903f811)

-- data check: product (name): unique: no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break product (name): unique') FROM (SELECT count(*) AS n FROM (SELECT name FROM (SELECT sku AS sku, name AS name, CAST(category AS VARCHAR) AS category, details AS details, price AS price, weight_kg AS weight_kg, attributes AS attributes, thumbnail AS thumbnail FROM product) AS s WHERE name IS NOT NULL GROUP BY name HAVING count(*) > 1) AS d) AS c WHERE c.n > 0;

BEGIN TRANSACTION;

-- table rebuild: copy the rows of product aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT sku, name, CAST(category AS VARCHAR) AS category, details, price, weight_kg, attributes, thumbnail FROM product;

-- table rebuild: copy the rows of order_line aside
CREATE TEMPORARY TABLE "sc-old-2" AS SELECT order_id, line_no, sku, quantity, unit_price FROM order_line;

-- table rebuild: copy the rows of return_line aside
CREATE TEMPORARY TABLE "sc-old-3" AS SELECT order_id, line_no, returned_on, quantity, reason FROM return_line;

-- table rebuild: drop table return_line (its rows are copied aside)
DROP TABLE return_line;

-- table rebuild: drop table order_line (its rows are copied aside)
DROP TABLE order_line;

-- table rebuild: drop table product (its rows are copied aside)
DROP TABLE product;

-- table rebuild: create the rebuilt table product from the new schema
-- Not enforced by DuckDB: scale of price: more than 2 decimal places are rounded
-- Not enforced by DuckDB: JSON of attributes: stores NaN, Infinity and \u0000 in its text, and arrays and objects nested deeper than 31
CREATE TABLE product (
    sku VARCHAR NOT NULL CONSTRAINT pk_product PRIMARY KEY CONSTRAINT ck_product_sku_max_length CHECK (length(sku) <= 32) CONSTRAINT ck_product_sku_pattern CHECK (regexp_matches(sku, '^[A-Z]{4}-[0-9]{2,4}$', 's')) CONSTRAINT ck_product_sku_nul CHECK (NOT contains(sku, chr(0))),
    name VARCHAR NOT NULL CONSTRAINT uq_product_name UNIQUE CONSTRAINT ck_product_name_max_length CHECK (length(name) <= 200) CONSTRAINT ck_product_name_nul CHECK (NOT contains(name, chr(0))),
    category product_category NOT NULL,
    details VARCHAR CONSTRAINT ck_product_details_nul CHECK (NOT contains(details, chr(0))),
    price DECIMAL(10,2) NOT NULL CONSTRAINT ck_product_price_min CHECK (price >= 0),
    weight_kg DOUBLE CONSTRAINT ck_product_weight_kg_min CHECK (weight_kg >= 0.0) CONSTRAINT ck_product_weight_kg_max CHECK (weight_kg <= 1000.0) CONSTRAINT ck_product_weight_kg_finite CHECK (isfinite(weight_kg)),
    attributes JSON,
    thumbnail BLOB
);

-- table rebuild: create the rebuilt table order_line from the new schema
-- Not enforced by DuckDB: ON DELETE CASCADE of (order_id) -> order: not supported, NO ACTION instead
-- Not enforced by DuckDB: scale of unit_price: more than 2 decimal places are rounded
CREATE TABLE order_line (
    order_id BIGINT NOT NULL CONSTRAINT fk_order_line_order_id REFERENCES "order" (id),
    line_no SMALLINT NOT NULL CONSTRAINT ck_order_line_line_no_min CHECK (line_no >= 1),
    sku VARCHAR NOT NULL CONSTRAINT ck_order_line_sku_max_length CHECK (length(sku) <= 32) CONSTRAINT ck_order_line_sku_nul CHECK (NOT contains(sku, chr(0))) CONSTRAINT fk_order_line_sku REFERENCES product (sku),
    quantity INTEGER NOT NULL DEFAULT 1 CONSTRAINT ck_order_line_quantity_min CHECK (quantity >= 1) CONSTRAINT ck_order_line_quantity_max CHECK (quantity <= 1000),
    unit_price DECIMAL(10,2) NOT NULL CONSTRAINT ck_order_line_unit_price_min CHECK (unit_price >= 0),
    CONSTRAINT pk_order_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT uq_order_line_order_id_sku UNIQUE (order_id, sku)
);

-- table rebuild: create the rebuilt table return_line from the new schema
-- Not enforced by DuckDB: ON DELETE CASCADE of (order_id, line_no) -> order_line: not supported, NO ACTION instead
CREATE TABLE return_line (
    order_id BIGINT NOT NULL,
    line_no SMALLINT NOT NULL,
    returned_on DATE NOT NULL,
    quantity INTEGER NOT NULL CONSTRAINT ck_return_line_quantity_min CHECK (quantity >= 1),
    reason VARCHAR CONSTRAINT ck_return_line_reason_max_length CHECK (length(reason) <= 1000) CONSTRAINT ck_return_line_reason_nul CHECK (NOT contains(reason, chr(0))),
    CONSTRAINT pk_return_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_return_line_order_id_line_no FOREIGN KEY (order_id, line_no) REFERENCES order_line (order_id, line_no)
);

-- table rebuild: put the rows of product back, converted
INSERT INTO product (sku, name, category, details, price, weight_kg, attributes, thumbnail)
SELECT o.sku, o.name, CAST(o.category AS product_category), o.details, o.price, o.weight_kg, o.attributes, o.thumbnail FROM "sc-old-1" AS o;

-- table rebuild: put the rows of order_line back, converted
INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price)
SELECT o.order_id, o.line_no, o.sku, o.quantity, o.unit_price FROM "sc-old-2" AS o;

-- table rebuild: put the rows of return_line back, converted
INSERT INTO return_line (order_id, line_no, returned_on, quantity, reason)
SELECT o.order_id, o.line_no, o.returned_on, o.quantity, o.reason FROM "sc-old-3" AS o;

-- in place: set the comment of product
COMMENT ON TABLE product IS 'Something the shop sells.';

-- in place: set the comment of product.sku
COMMENT ON COLUMN product.sku IS 'Stock keeping unit.';

-- in place: set the comment of product.details
COMMENT ON COLUMN product.details IS 'Long description; Markdown allowed.';

-- in place: set the comment of product.attributes
COMMENT ON COLUMN product.attributes IS 'Free-form facts such as colour or size.';

-- in place: set the comment of product.thumbnail
COMMENT ON COLUMN product.thumbnail IS 'A small PNG preview.';

-- in place: set the comment of order_line
COMMENT ON TABLE order_line IS 'One product in an order.';

-- in place: set the comment of return_line
COMMENT ON TABLE return_line IS 'A line of an order sent back by the customer.';

-- table rebuild: drop the copy of product's old rows
DROP TABLE "sc-old-1";

-- table rebuild: drop the copy of order_line's old rows
DROP TABLE "sc-old-2";

-- table rebuild: drop the copy of return_line's old rows
DROP TABLE "sc-old-3";

COMMIT;
