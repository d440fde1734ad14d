-- schemacog migration for duckdb
-- from: old.yaml (fingerprint a161c2a0ebfaf4b7)
-- to: new.yaml (fingerprint cb0f960b0d3bfb00)

-- data check: order.note: NOT NULL: no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break order.note: NOT NULL') FROM (SELECT count(*) AS n FROM (SELECT id AS id, customer_id AS customer_id, CAST(status AS VARCHAR) AS status, placed_at AS placed_at, note AS note FROM "order") AS s WHERE note IS NULL) AS c WHERE c.n > 0;

BEGIN TRANSACTION;

-- table rebuild: copy the rows of order aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, customer_id, CAST(status AS VARCHAR) AS status, placed_at, note FROM "order";

-- table rebuild: copy the rows of order_line aside
CREATE TEMPORARY TABLE "sc-old-2" AS SELECT order_id, line_no, sku, quantity, unit_price FROM order_line;

-- table rebuild: copy the rows of return_line aside
CREATE TEMPORARY TABLE "sc-old-3" AS SELECT order_id, line_no, returned_on, quantity, reason FROM return_line;

-- table rebuild: copy the rows of shipment aside
CREATE TEMPORARY TABLE "sc-old-4" AS SELECT id, order_id, carrier, tracking_code, shipped_on, window_start, last_scan_at FROM shipment;

-- table rebuild: drop table shipment (its rows are copied aside)
DROP TABLE shipment;

-- table rebuild: drop table return_line (its rows are copied aside)
DROP TABLE return_line;

-- table rebuild: drop table order_line (its rows are copied aside)
DROP TABLE order_line;

-- table rebuild: drop table order (its rows are copied aside)
DROP TABLE "order";

-- table rebuild: create the rebuilt table order from the new schema
-- Not enforced by DuckDB: offset of placed_at: a value without an offset is read in a default zone
CREATE TABLE "order" (
    id BIGINT NOT NULL DEFAULT nextval('order_id_seq') CONSTRAINT pk_order PRIMARY KEY,
    customer_id BIGINT NOT NULL CONSTRAINT fk_order_customer_id REFERENCES customer (id) ON DELETE RESTRICT,
    status order_status NOT NULL DEFAULT 'placed',
    placed_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp CONSTRAINT ck_order_placed_at_instant CHECK (placed_at >= '0001-01-01 00:00:00+00:00' AND placed_at <= '9999-12-31 23:59:59.999999+00:00'),
    note VARCHAR NOT NULL CONSTRAINT ck_order_note_max_length CHECK (length(note) <= 500) CONSTRAINT ck_order_note_nul CHECK (NOT contains(note, chr(0)))
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

-- table rebuild: create the rebuilt table shipment from the new schema
-- Not enforced by DuckDB: ON DELETE CASCADE of (order_id) -> order: not supported, NO ACTION instead
-- Not enforced by DuckDB: offset of window_start: a value with an offset is converted or loses it
-- Not enforced by DuckDB: offset of last_scan_at: a value with an offset is converted or loses it
CREATE TABLE shipment (
    id UUID NOT NULL CONSTRAINT pk_shipment PRIMARY KEY,
    order_id BIGINT NOT NULL CONSTRAINT fk_shipment_order_id REFERENCES "order" (id),
    carrier VARCHAR NOT NULL CONSTRAINT ck_shipment_carrier_max_length CHECK (length(carrier) <= 50) CONSTRAINT ck_shipment_carrier_nul CHECK (NOT contains(carrier, chr(0))),
    tracking_code VARCHAR CONSTRAINT uq_shipment_tracking_code UNIQUE CONSTRAINT ck_shipment_tracking_code_max_length CHECK (length(tracking_code) <= 40) CONSTRAINT ck_shipment_tracking_code_pattern CHECK (regexp_matches(tracking_code, '^[A-Z]{2}[0-9]{9}[A-Z]{2}$', 's')) CONSTRAINT ck_shipment_tracking_code_nul CHECK (NOT contains(tracking_code, chr(0))),
    shipped_on DATE NOT NULL,
    window_start TIME,
    last_scan_at TIMESTAMP
);

-- table rebuild: put the rows of order back, converted
INSERT INTO "order" (id, customer_id, status, placed_at, note)
SELECT o.id, o.customer_id, CAST(o.status AS order_status), o.placed_at, o.note FROM "sc-old-1" AS o;

-- table rebuild: put the rows of order_line back, converted
INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price)
SELECT o.order_id, o.line_no, o.sku, o.quantity, o.unit_price FROM "sc-old-2" AS o;

-- table rebuild: put the rows of return_line back, converted
INSERT INTO return_line (order_id, line_no, returned_on, quantity, reason)
SELECT o.order_id, o.line_no, o.returned_on, o.quantity, o.reason FROM "sc-old-3" AS o;

-- table rebuild: put the rows of shipment back, converted
INSERT INTO shipment (id, order_id, carrier, tracking_code, shipped_on, window_start, last_scan_at)
SELECT o.id, o.order_id, o.carrier, o.tracking_code, o.shipped_on, o.window_start, o.last_scan_at FROM "sc-old-4" AS o;

-- in place: set the comment of order
COMMENT ON TABLE "order" IS 'One checkout of one customer.';

-- in place: set the comment of order.note
COMMENT ON COLUMN "order".note IS 'Customer''s note to the packer.';

-- in place: create index ix_order_customer_id_placed_at
CREATE INDEX ix_order_customer_id_placed_at ON "order" (customer_id, placed_at);

-- in place: set the comment of order_line
COMMENT ON TABLE order_line IS 'One product in an order.';

-- in place: set the comment of return_line
COMMENT ON TABLE return_line IS 'A line of an order sent back by the customer.';

-- in place: set the comment of shipment
COMMENT ON TABLE shipment IS 'A parcel on its way to a customer.';

-- in place: set the comment of shipment.window_start
COMMENT ON COLUMN shipment.window_start IS 'Start of the promised delivery window.';

-- in place: set the comment of shipment.last_scan_at
COMMENT ON COLUMN shipment.last_scan_at IS 'Local time at the depot of the last scan.';

-- table rebuild: continue order.id after the highest id
SELECT max(nextval('order_id_seq')) FROM range((SELECT coalesce(max(id), 0) FROM "order") - (SELECT coalesce(max(last_value), 0) FROM duckdb_sequences() WHERE schema_name = current_schema() AND sequence_name = 'order_id_seq'));

-- table rebuild: drop the copy of order's old rows
DROP TABLE "sc-old-1";

-- table rebuild: drop the copy of order_line's old rows
DROP TABLE "sc-old-2";

-- table rebuild: drop the copy of return_line's old rows
DROP TABLE "sc-old-3";

-- table rebuild: drop the copy of shipment's old rows
DROP TABLE "sc-old-4";

COMMIT;
