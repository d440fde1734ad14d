-- schemacog migration for duckdb
-- from: old.yaml (fingerprint a161c2a0ebfaf4b7)
-- to: new.yaml (fingerprint c87df3e081056c82)

BEGIN TRANSACTION;

-- table rebuild: copy the rows of order_line aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT order_id, line_no, sku, quantity, unit_price FROM order_line;

-- table rebuild: copy the rows of return_line aside
CREATE TEMPORARY TABLE "sc-old-2" AS SELECT order_id, line_no, returned_on, quantity, reason FROM return_line;

-- table rebuild: drop table return_line (its rows are copied aside)
DROP TABLE return_line;

-- table rebuild: drop table order_line (its rows are copied aside)
DROP TABLE order_line;

-- table rebuild: create the rebuilt table order_line from the new schema
-- Not enforced by DuckDB: ON DELETE CASCADE of (order_id) -> order: not supported, NO ACTION instead
-- Not enforced by DuckDB: scale of unit_price: more than 2 decimal places are rounded
CREATE TABLE order_line (
    order_id BIGINT NOT NULL CONSTRAINT fk_order_line_order_id REFERENCES "order" (id),
    line_no INTEGER NOT NULL CONSTRAINT ck_order_line_line_no_min CHECK (line_no >= 1),
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
    line_no INTEGER NOT NULL,
    returned_on DATE NOT NULL,
    quantity INTEGER NOT NULL CONSTRAINT ck_return_line_quantity_min CHECK (quantity >= 1),
    reason VARCHAR CONSTRAINT ck_return_line_reason_max_length CHECK (length(reason) <= 1000) CONSTRAINT ck_return_line_reason_nul CHECK (NOT contains(reason, chr(0))),
    CONSTRAINT pk_return_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_return_line_order_id_line_no FOREIGN KEY (order_id, line_no) REFERENCES order_line (order_id, line_no)
);

-- table rebuild: put the rows of order_line back, converted
INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price)
SELECT o.order_id, CAST(o.line_no AS INTEGER), o.sku, o.quantity, o.unit_price FROM "sc-old-1" AS o;

-- table rebuild: put the rows of return_line back, converted
INSERT INTO return_line (order_id, line_no, returned_on, quantity, reason)
SELECT o.order_id, CAST(o.line_no AS INTEGER), o.returned_on, o.quantity, o.reason FROM "sc-old-2" AS o;

-- in place: set the comment of order_line
COMMENT ON TABLE order_line IS 'One product in an order.';

-- in place: set the comment of return_line
COMMENT ON TABLE return_line IS 'A line of an order sent back by the customer.';

-- table rebuild: drop the copy of order_line's old rows
DROP TABLE "sc-old-1";

-- table rebuild: drop the copy of return_line's old rows
DROP TABLE "sc-old-2";

COMMIT;
