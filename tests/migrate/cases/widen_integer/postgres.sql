-- schemacog migration for postgres
-- from: old.yaml (fingerprint f7b4773e9bc257d0)
-- to: new.yaml (fingerprint 393a2ea3074a7500)

BEGIN;

-- table rebuild: copy the rows of order_line aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT order_id, line_no, sku, quantity, unit_price FROM order_line;

-- table rebuild: copy the rows of return_line aside
CREATE TEMPORARY TABLE "sc-old-2" AS SELECT order_id, line_no, returned_on, quantity, reason FROM return_line;

-- table rebuild: drop table return_line (its rows are copied aside)
DROP TABLE return_line;

-- table rebuild: drop table order_line (its rows are copied aside)
DROP TABLE order_line;

-- table rebuild: create the rebuilt table order_line from the new schema
-- Not enforced by PostgreSQL: scale of unit_price: more than 2 decimal places are rounded
CREATE TABLE order_line (
    order_id bigint NOT NULL CONSTRAINT fk_order_line_order_id REFERENCES "order" (id) ON DELETE CASCADE,
    line_no integer NOT NULL CONSTRAINT ck_order_line_line_no_min CHECK (line_no >= 1),
    sku text NOT NULL CONSTRAINT ck_order_line_sku_max_length CHECK (char_length(sku) <= 32) CONSTRAINT fk_order_line_sku REFERENCES product (sku),
    quantity integer NOT NULL DEFAULT 1 CONSTRAINT ck_order_line_quantity_min CHECK (quantity >= 1) CONSTRAINT ck_order_line_quantity_max CHECK (quantity <= 1000),
    unit_price numeric(10,2) NOT NULL CONSTRAINT ck_order_line_unit_price_min CHECK (unit_price >= 0) CONSTRAINT ck_order_line_unit_price_finite CHECK (unit_price NOT IN ('NaN', 'Infinity', '-Infinity')),
    CONSTRAINT pk_order_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT uq_order_line_order_id_sku UNIQUE (order_id, sku)
);

-- table rebuild: create the rebuilt table return_line from the new schema
CREATE TABLE return_line (
    order_id bigint NOT NULL,
    line_no integer NOT NULL,
    returned_on date NOT NULL,
    quantity integer NOT NULL CONSTRAINT ck_return_line_quantity_min CHECK (quantity >= 1),
    reason text CONSTRAINT ck_return_line_reason_max_length CHECK (char_length(reason) <= 1000),
    CONSTRAINT pk_return_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_return_line_order_id_line_no FOREIGN KEY (order_id, line_no) REFERENCES order_line (order_id, line_no) ON DELETE CASCADE
);

-- table rebuild: put the rows of order_line back, converted
INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price)
SELECT o.order_id, CAST(o.line_no AS integer), o.sku, o.quantity, o.unit_price FROM "sc-old-1" AS o;

-- table rebuild: put the rows of return_line back, converted
INSERT INTO return_line (order_id, line_no, returned_on, quantity, reason)
SELECT o.order_id, CAST(o.line_no AS integer), o.returned_on, o.quantity, o.reason FROM "sc-old-2" AS o;

-- in place: set a comment
COMMENT ON TABLE order_line IS 'One product in an order.';

-- in place: set a comment
COMMENT ON TABLE return_line IS 'A line of an order sent back by the customer.';

-- table rebuild: drop the copy of order_line's old rows
DROP TABLE "sc-old-1";

-- table rebuild: drop the copy of return_line's old rows
DROP TABLE "sc-old-2";

COMMIT;
