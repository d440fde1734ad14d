-- schemacog migration for duckdb
-- from: old.yaml (fingerprint a161c2a0ebfaf4b7)
-- to: new.yaml (fingerprint 0bd6e8e7d1cc6e3f)

BEGIN TRANSACTION;

-- table rebuild: copy the rows of customer aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id FROM customer;

-- table rebuild: copy the rows of order aside
CREATE TEMPORARY TABLE "sc-old-2" AS SELECT id, customer_id, CAST(status AS VARCHAR) AS status, placed_at, note FROM "order";

-- table rebuild: copy the rows of order_line aside
CREATE TEMPORARY TABLE "sc-old-3" AS SELECT order_id, line_no, sku, quantity, unit_price FROM order_line;

-- table rebuild: copy the rows of return_line aside
CREATE TEMPORARY TABLE "sc-old-4" AS SELECT order_id, line_no, returned_on, quantity, reason FROM return_line;

-- table rebuild: copy the rows of shipment aside
CREATE TEMPORARY TABLE "sc-old-5" AS SELECT id, order_id, carrier, tracking_code, shipped_on, window_start, last_scan_at FROM shipment;

-- table rebuild: copy the rows of warehouse aside
CREATE TEMPORARY TABLE "sc-old-6" AS SELECT code, city, opens, closes, capacity, manager_id FROM warehouse;

-- table rebuild: drop table warehouse (its rows are copied aside)
DROP TABLE warehouse;

-- table rebuild: drop table shipment (its rows are copied aside)
DROP TABLE shipment;

-- table rebuild: drop table return_line (its rows are copied aside)
DROP TABLE return_line;

-- table rebuild: drop table order_line (its rows are copied aside)
DROP TABLE order_line;

-- table rebuild: drop table order (its rows are copied aside)
DROP TABLE "order";

-- table rebuild: drop table customer (its rows are copied aside)
DROP TABLE customer;

-- table rebuild: create the rebuilt table customer from the new schema
-- Not enforced by DuckDB: scale of balance: more than 2 decimal places are rounded
-- Not enforced by DuckDB: offset of created_at: a value without an offset is read in a default zone
-- Not enforced by DuckDB: ON DELETE SET NULL of (referrer_id) -> customer: not supported, NO ACTION instead
-- DuckDB: a row whose (referrer_id) names the row itself is refused (the key is checked before the row is stored)
CREATE TABLE customer (
    id BIGINT NOT NULL DEFAULT nextval('customer_id_seq') CONSTRAINT customer_pkey PRIMARY KEY,
    public_id UUID NOT NULL CONSTRAINT uq_customer_public_id UNIQUE,
    email VARCHAR NOT NULL CONSTRAINT customer_email_key UNIQUE CONSTRAINT customer_email_check CHECK (length(email) <= 254) CONSTRAINT ck_customer_email_pattern CHECK (regexp_matches(email, '^[^@ ]+@[^@ ]+$', 's')) CONSTRAINT ck_customer_email_nul CHECK (NOT contains(email, chr(0))),
    name VARCHAR NOT NULL CONSTRAINT ck_customer_name_min_length CHECK (length(name) >= 1) CONSTRAINT ck_customer_name_max_length CHECK (length(name) <= 100) CONSTRAINT ck_customer_name_nul CHECK (NOT contains(name, chr(0))),
    balance DECIMAL(12,2) NOT NULL DEFAULT 0 CONSTRAINT ck_customer_balance_min CHECK (balance >= 0),
    birth_date DATE,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp CONSTRAINT ck_customer_created_at_instant CHECK (created_at >= '0001-01-01 00:00:00+00:00' AND created_at <= '9999-12-31 23:59:59.999999+00:00'),
    referrer_id BIGINT CONSTRAINT fk_customer_referrer_id REFERENCES customer (id)
);

-- table rebuild: create the rebuilt table order from the new schema
-- Not enforced by DuckDB: offset of placed_at: a value without an offset is read in a default zone
CREATE TABLE "order" (
    id BIGINT NOT NULL DEFAULT nextval('order_id_seq') CONSTRAINT pk_order PRIMARY KEY,
    customer_id BIGINT NOT NULL CONSTRAINT order_customer_id_fkey REFERENCES customer (id) ON DELETE RESTRICT,
    status order_status NOT NULL DEFAULT 'placed',
    placed_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp CONSTRAINT ck_order_placed_at_instant CHECK (placed_at >= '0001-01-01 00:00:00+00:00' AND placed_at <= '9999-12-31 23:59:59.999999+00:00'),
    note VARCHAR CONSTRAINT ck_order_note_max_length CHECK (length(note) <= 500) CONSTRAINT ck_order_note_nul CHECK (NOT contains(note, chr(0)))
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

-- table rebuild: create the rebuilt table warehouse from the new schema
-- Not enforced by DuckDB: offset of opens: a value with an offset is converted or loses it
-- Not enforced by DuckDB: offset of closes: a value with an offset is converted or loses it
-- Not enforced by DuckDB: ON DELETE SET NULL of (manager_id) -> customer: not supported, NO ACTION instead
CREATE TABLE warehouse (
    code VARCHAR NOT NULL CONSTRAINT pk_warehouse PRIMARY KEY CONSTRAINT ck_warehouse_code_max_length CHECK (length(code) <= 8) CONSTRAINT ck_warehouse_code_pattern CHECK (regexp_matches(code, '^[A-Z]{3}[0-9]$', 's')) CONSTRAINT ck_warehouse_code_nul CHECK (NOT contains(code, chr(0))),
    city VARCHAR NOT NULL CONSTRAINT ck_warehouse_city_max_length CHECK (length(city) <= 80) CONSTRAINT ck_warehouse_city_nul CHECK (NOT contains(city, chr(0))),
    opens TIME NOT NULL,
    closes TIME NOT NULL,
    capacity INTEGER NOT NULL CONSTRAINT ck_warehouse_capacity_min CHECK (capacity >= 0),
    manager_id BIGINT CONSTRAINT fk_warehouse_manager_id REFERENCES customer (id)
);

-- table rebuild: put the rows of customer back, converted: pass 1 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 2 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 3 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 4 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 5 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 6 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 7 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 8 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 9 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 10 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 11 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 12 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 13 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 14 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 15 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 16 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 17 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 18 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 19 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 20 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 21 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 22 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 23 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 24 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 25 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 26 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 27 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 28 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 29 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 30 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 31 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- table rebuild: put the rows of customer back, converted: pass 32 of 32, the rows whose rows are in
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o
WHERE NOT EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.id) AND (o.referrer_id IS NULL OR EXISTS (SELECT 1 FROM customer AS n WHERE n.id = o.referrer_id));

-- data check: every row of customer is back
SELECT error('schemacog: rows of customer name each other more than 32 deep; DuckDB cannot put them back in one migration') FROM (SELECT (SELECT count(*) FROM "sc-old-1") - (SELECT count(*) FROM customer) AS n) AS c WHERE c.n > 0;

-- table rebuild: put the rows of order back, converted
INSERT INTO "order" (id, customer_id, status, placed_at, note)
SELECT o.id, o.customer_id, CAST(o.status AS order_status), o.placed_at, o.note FROM "sc-old-2" AS o;

-- table rebuild: put the rows of order_line back, converted
INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price)
SELECT o.order_id, o.line_no, o.sku, o.quantity, o.unit_price FROM "sc-old-3" AS o;

-- table rebuild: put the rows of return_line back, converted
INSERT INTO return_line (order_id, line_no, returned_on, quantity, reason)
SELECT o.order_id, o.line_no, o.returned_on, o.quantity, o.reason FROM "sc-old-4" AS o;

-- table rebuild: put the rows of shipment back, converted
INSERT INTO shipment (id, order_id, carrier, tracking_code, shipped_on, window_start, last_scan_at)
SELECT o.id, o.order_id, o.carrier, o.tracking_code, o.shipped_on, o.window_start, o.last_scan_at FROM "sc-old-5" AS o;

-- table rebuild: put the rows of warehouse back, converted
INSERT INTO warehouse (code, city, opens, closes, capacity, manager_id)
SELECT o.code, o.city, o.opens, o.closes, o.capacity, o.manager_id FROM "sc-old-6" AS o;

-- in place: set the comment of customer
COMMENT ON TABLE customer IS 'A person who buys from the shop.';

-- in place: set the comment of customer.public_id
COMMENT ON COLUMN customer.public_id IS 'Identifier shown in URLs and emails.';

-- in place: set the comment of customer.name
COMMENT ON COLUMN customer.name IS 'Full name.';

-- in place: set the comment of customer.balance
COMMENT ON COLUMN customer.balance IS 'Store credit.';

-- in place: set the comment of customer.referrer_id
COMMENT ON COLUMN customer.referrer_id IS 'The customer who recommended the shop.';

-- in place: create index ix_customer_name
CREATE INDEX ix_customer_name ON customer (name);

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

-- in place: set the comment of warehouse
COMMENT ON TABLE warehouse IS 'A place stock is kept and shipped from.';

-- table rebuild: continue customer.id after the highest id
SELECT max(nextval('customer_id_seq')) FROM range((SELECT coalesce(max(id), 0) FROM customer) - (SELECT coalesce(max(last_value), 0) FROM duckdb_sequences() WHERE schema_name = current_schema() AND sequence_name = 'customer_id_seq'));

-- table rebuild: continue order.id after the highest id
SELECT max(nextval('order_id_seq')) FROM range((SELECT coalesce(max(id), 0) FROM "order") - (SELECT coalesce(max(last_value), 0) FROM duckdb_sequences() WHERE schema_name = current_schema() AND sequence_name = 'order_id_seq'));

-- table rebuild: drop the copy of customer's old rows
DROP TABLE "sc-old-1";

-- table rebuild: drop the copy of order's old rows
DROP TABLE "sc-old-2";

-- table rebuild: drop the copy of order_line's old rows
DROP TABLE "sc-old-3";

-- table rebuild: drop the copy of return_line's old rows
DROP TABLE "sc-old-4";

-- table rebuild: drop the copy of shipment's old rows
DROP TABLE "sc-old-5";

-- table rebuild: drop the copy of warehouse's old rows
DROP TABLE "sc-old-6";

COMMIT;
