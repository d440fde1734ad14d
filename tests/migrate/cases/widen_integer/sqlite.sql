-- schemacog migration for sqlite
-- from: old.yaml (fingerprint b0fbea685824d113)
-- to: new.yaml (fingerprint ad0e8e1c02963d98)

PRAGMA foreign_keys = OFF;

-- data check: order_line.line_no: max (line_no <= 2147483647): no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break order_line.line_no: max') FROM (SELECT count(*) AS n FROM (SELECT order_id AS order_id, line_no AS line_no, sku AS sku, quantity AS quantity, unit_price AS unit_price FROM order_line) AS s WHERE NOT (line_no <= 2147483647)) AS c WHERE c.n > 0;

-- data check: return_line.line_no: min (line_no >= -2147483648): no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break return_line.line_no: min') FROM (SELECT count(*) AS n FROM (SELECT order_id AS order_id, line_no AS line_no, returned_on AS returned_on, quantity AS quantity, reason AS reason FROM return_line) AS s WHERE NOT (line_no >= -2147483648)) AS c WHERE c.n > 0;

-- data check: return_line.line_no: max (line_no <= 2147483647): no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break return_line.line_no: max') FROM (SELECT count(*) AS n FROM (SELECT order_id AS order_id, line_no AS line_no, returned_on AS returned_on, quantity AS quantity, reason AS reason FROM return_line) AS s WHERE NOT (line_no <= 2147483647)) AS c WHERE c.n > 0;

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
CREATE TABLE order_line
-- Not enforced by SQLite: scale of unit_price: a value is compared as a double, so places past 15 significant digits are not seen
-- One product in an order.
(
    order_id INTEGER NOT NULL CONSTRAINT fk_order_line_order_id REFERENCES "order" (id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL CONSTRAINT ck_order_line_line_no_min CHECK (line_no >= 1) CONSTRAINT ck_order_line_line_no_max CHECK (line_no <= 2147483647),
    sku TEXT NOT NULL CONSTRAINT ck_order_line_sku_max_length CHECK (length(sku) <= 32) CONSTRAINT ck_order_line_sku_nul CHECK (instr(sku, char(0)) = 0) CONSTRAINT fk_order_line_sku REFERENCES product (sku),
    quantity INTEGER NOT NULL DEFAULT 1 CONSTRAINT ck_order_line_quantity_min CHECK (quantity >= 1) CONSTRAINT ck_order_line_quantity_max CHECK (quantity <= 1000),
    unit_price NUMERIC(10,2) NOT NULL CONSTRAINT ck_order_line_unit_price_min CHECK (unit_price >= 0) CONSTRAINT ck_order_line_unit_price_precision CHECK (abs(unit_price) < 100000000) CONSTRAINT ck_order_line_unit_price_scale CHECK (unit_price = round(unit_price, 2)) CONSTRAINT ck_order_line_unit_price_finite CHECK (typeof(unit_price) IN ('integer', 'real', 'null')),
    CONSTRAINT pk_order_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT uq_order_line_order_id_sku UNIQUE (order_id, sku)
);

-- table rebuild: create the rebuilt table return_line from the new schema
CREATE TABLE return_line
-- A line of an order sent back by the customer.
(
    order_id INTEGER NOT NULL,
    line_no INTEGER NOT NULL CONSTRAINT ck_return_line_line_no_min CHECK (line_no >= -2147483648) CONSTRAINT ck_return_line_line_no_max CHECK (line_no <= 2147483647),
    returned_on DATE NOT NULL,
    quantity INTEGER NOT NULL CONSTRAINT ck_return_line_quantity_min CHECK (quantity >= 1) CONSTRAINT ck_return_line_quantity_max CHECK (quantity <= 2147483647),
    reason TEXT CONSTRAINT ck_return_line_reason_max_length CHECK (length(reason) <= 1000) CONSTRAINT ck_return_line_reason_nul CHECK (instr(reason, char(0)) = 0),
    CONSTRAINT pk_return_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_return_line_order_id_line_no FOREIGN KEY (order_id, line_no) REFERENCES order_line (order_id, line_no) ON DELETE CASCADE
);

-- table rebuild: put the rows of order_line back, converted
INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price)
SELECT o.order_id, o.line_no, o.sku, o.quantity, o.unit_price FROM "sc-old-1" AS o;

-- table rebuild: put the rows of return_line back, converted
INSERT INTO return_line (order_id, line_no, returned_on, quantity, reason)
SELECT o.order_id, o.line_no, o.returned_on, o.quantity, o.reason FROM "sc-old-2" AS o;

-- table rebuild: drop the copy of order_line's old rows
DROP TABLE "sc-old-1";

-- table rebuild: drop the copy of return_line's old rows
DROP TABLE "sc-old-2";

COMMIT;

PRAGMA foreign_keys = ON;
