-- schemacog migration for duckdb
-- from: empty (fingerprint ab628b529d224a58)
-- to: new.yaml (fingerprint a161c2a0ebfaf4b7)

BEGIN TRANSACTION;

-- in place: create enum order_status
CREATE TYPE order_status AS ENUM ('placed', 'paid', 'shipped', 'delivered', 'cancelled');
COMMENT ON TYPE order_status IS 'Where an order is in its life.';

-- in place: create enum product_category
CREATE TYPE product_category AS ENUM ('books', 'games', 'hardware', 'gift-card');
COMMENT ON TYPE product_category IS 'The shelf a product is listed on.';

-- in place: create enum signup_channel
CREATE TYPE signup_channel AS ENUM ('web', 'store', 'phone', 'partner-referral');
COMMENT ON TYPE signup_channel IS 'Where a newsletter signup came from.';

-- in place: create enum stock_condition
CREATE TYPE stock_condition AS ENUM ('new', 'used', 'damaged');
COMMENT ON TYPE stock_condition IS 'The state of counted stock.';

-- in place: create table customer from the new schema
-- Not enforced by DuckDB: scale of balance: more than 2 decimal places are rounded
-- Not enforced by DuckDB: offset of created_at: a value without an offset is read in a default zone
-- Not enforced by DuckDB: ON DELETE SET NULL of (referrer_id) -> customer: not supported, NO ACTION instead
-- DuckDB: a row whose (referrer_id) names the row itself is refused (the key is checked before the row is stored)
CREATE SEQUENCE customer_id_seq;
CREATE TABLE customer (
    id BIGINT NOT NULL DEFAULT nextval('customer_id_seq') CONSTRAINT pk_customer PRIMARY KEY,
    public_id UUID NOT NULL CONSTRAINT uq_customer_public_id UNIQUE,
    email VARCHAR NOT NULL CONSTRAINT uq_customer_email UNIQUE CONSTRAINT ck_customer_email_max_length CHECK (length(email) <= 254) CONSTRAINT ck_customer_email_pattern CHECK (regexp_matches(email, '^[^@ ]+@[^@ ]+$', 's')) CONSTRAINT ck_customer_email_nul CHECK (NOT contains(email, chr(0))),
    name VARCHAR NOT NULL CONSTRAINT ck_customer_name_min_length CHECK (length(name) >= 1) CONSTRAINT ck_customer_name_max_length CHECK (length(name) <= 100) CONSTRAINT ck_customer_name_nul CHECK (NOT contains(name, chr(0))),
    balance DECIMAL(12,2) NOT NULL DEFAULT 0 CONSTRAINT ck_customer_balance_min CHECK (balance >= 0),
    birth_date DATE,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp CONSTRAINT ck_customer_created_at_instant CHECK (created_at >= '0001-01-01 00:00:00+00:00' AND created_at <= '9999-12-31 23:59:59.999999+00:00'),
    referrer_id BIGINT CONSTRAINT fk_customer_referrer_id REFERENCES customer (id)
);

-- in place: create table product from the new schema
-- Not enforced by DuckDB: scale of price: more than 2 decimal places are rounded
-- Not enforced by DuckDB: JSON of attributes: stores NaN, Infinity and \u0000 in its text, and arrays and objects nested deeper than 31
CREATE TABLE product (
    sku VARCHAR NOT NULL CONSTRAINT pk_product PRIMARY KEY CONSTRAINT ck_product_sku_max_length CHECK (length(sku) <= 32) CONSTRAINT ck_product_sku_pattern CHECK (regexp_matches(sku, '^[A-Z]{4}-[0-9]{2,4}$', 's')) CONSTRAINT ck_product_sku_nul CHECK (NOT contains(sku, chr(0))),
    name VARCHAR NOT NULL CONSTRAINT ck_product_name_max_length CHECK (length(name) <= 200) CONSTRAINT ck_product_name_nul CHECK (NOT contains(name, chr(0))),
    category product_category NOT NULL,
    details VARCHAR CONSTRAINT ck_product_details_nul CHECK (NOT contains(details, chr(0))),
    price DECIMAL(10,2) NOT NULL CONSTRAINT ck_product_price_min CHECK (price >= 0),
    weight_kg DOUBLE CONSTRAINT ck_product_weight_kg_min CHECK (weight_kg >= 0.0) CONSTRAINT ck_product_weight_kg_max CHECK (weight_kg <= 1000.0) CONSTRAINT ck_product_weight_kg_finite CHECK (isfinite(weight_kg)),
    attributes JSON,
    thumbnail BLOB
);

-- in place: create table order from the new schema
-- Not enforced by DuckDB: offset of placed_at: a value without an offset is read in a default zone
CREATE SEQUENCE order_id_seq;
CREATE TABLE "order" (
    id BIGINT NOT NULL DEFAULT nextval('order_id_seq') CONSTRAINT pk_order PRIMARY KEY,
    customer_id BIGINT NOT NULL CONSTRAINT fk_order_customer_id REFERENCES customer (id) ON DELETE RESTRICT,
    status order_status NOT NULL DEFAULT 'placed',
    placed_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp CONSTRAINT ck_order_placed_at_instant CHECK (placed_at >= '0001-01-01 00:00:00+00:00' AND placed_at <= '9999-12-31 23:59:59.999999+00:00'),
    note VARCHAR CONSTRAINT ck_order_note_max_length CHECK (length(note) <= 500) CONSTRAINT ck_order_note_nul CHECK (NOT contains(note, chr(0)))
);

-- in place: create table order_line from the new schema
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

-- in place: create table return_line from the new schema
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

-- in place: create table shipment from the new schema
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

-- in place: create table warehouse from the new schema
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

-- in place: create table signup_import from the new schema
-- Not enforced by DuckDB: offset of signed_up_at: a value without an offset is read in a default zone
CREATE TABLE signup_import (
    signup_id INTEGER NOT NULL CONSTRAINT pk_signup_import PRIMARY KEY,
    email VARCHAR NOT NULL CONSTRAINT uq_signup_import_email UNIQUE CONSTRAINT ck_signup_import_email_max_length CHECK (length(email) <= 254) CONSTRAINT ck_signup_import_email_pattern CHECK (regexp_matches(email, '^[^@ ]+@[^@ ]+$', 's')) CONSTRAINT ck_signup_import_email_nul CHECK (NOT contains(email, chr(0))),
    full_name VARCHAR NOT NULL CONSTRAINT ck_signup_import_full_name_min_length CHECK (length(full_name) >= 1) CONSTRAINT ck_signup_import_full_name_max_length CHECK (length(full_name) <= 100) CONSTRAINT ck_signup_import_full_name_nul CHECK (NOT contains(full_name, chr(0))),
    country VARCHAR CONSTRAINT ck_signup_import_country_max_length CHECK (length(country) <= 10000) CONSTRAINT ck_signup_import_country_pattern CHECK (regexp_matches(country, '^[A-Z]{2}$', 's')) CONSTRAINT ck_signup_import_country_nul CHECK (NOT contains(country, chr(0))),
    birth_date DATE,
    age SMALLINT CONSTRAINT ck_signup_import_age_min CHECK (age >= 13) CONSTRAINT ck_signup_import_age_max CHECK (age <= 120),
    newsletter BOOLEAN NOT NULL DEFAULT FALSE,
    channel signup_channel NOT NULL DEFAULT 'web',
    signed_up_at TIMESTAMPTZ NOT NULL CONSTRAINT ck_signup_import_signed_up_at_instant CHECK (signed_up_at >= '0001-01-01 00:00:00+00:00' AND signed_up_at <= '9999-12-31 23:59:59.999999+00:00')
);

-- in place: create table stock_count from the new schema
-- Not enforced by DuckDB: scale of unit_cost: more than 2 decimal places are rounded
CREATE TABLE stock_count (
    count_id BIGINT NOT NULL CONSTRAINT pk_stock_count PRIMARY KEY,
    sku VARCHAR NOT NULL CONSTRAINT ck_stock_count_sku_max_length CHECK (length(sku) <= 32) CONSTRAINT ck_stock_count_sku_pattern CHECK (regexp_matches(sku, '^[A-Z]{4}-[0-9]{2,4}$', 's')) CONSTRAINT ck_stock_count_sku_nul CHECK (NOT contains(sku, chr(0))),
    warehouse VARCHAR NOT NULL CONSTRAINT ck_stock_count_warehouse_max_length CHECK (length(warehouse) <= 8) CONSTRAINT ck_stock_count_warehouse_pattern CHECK (regexp_matches(warehouse, '^[A-Z]{3}[0-9]$', 's')) CONSTRAINT ck_stock_count_warehouse_nul CHECK (NOT contains(warehouse, chr(0))),
    counted_on DATE NOT NULL,
    quantity INTEGER NOT NULL CONSTRAINT ck_stock_count_quantity_min CHECK (quantity >= 0),
    unit_cost DECIMAL(10,2) CONSTRAINT ck_stock_count_unit_cost_min CHECK (unit_cost >= 0),
    condition stock_condition NOT NULL DEFAULT 'new',
    counted_by UUID,
    note VARCHAR CONSTRAINT ck_stock_count_note_max_length CHECK (length(note) <= 200) CONSTRAINT ck_stock_count_note_nul CHECK (NOT contains(note, chr(0))),
    CONSTRAINT uq_stock_count_sku_warehouse_counted_on UNIQUE (sku, warehouse, counted_on)
);

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

-- in place: set the comment of signup_import
COMMENT ON TABLE signup_import IS 'A newsletter signup as the mailing tool exports it, one CSV row per signup.';

-- in place: set the comment of signup_import.signup_id
COMMENT ON COLUMN signup_import.signup_id IS 'Row number in the export.';

-- in place: set the comment of signup_import.country
COMMENT ON COLUMN signup_import.country IS 'ISO 3166 code; "NA" is Namibia, not a missing value.';

-- in place: set the comment of signup_import.age
COMMENT ON COLUMN signup_import.age IS 'Age as typed into the form.';

-- in place: set the comment of signup_import.newsletter
COMMENT ON COLUMN signup_import.newsletter IS 'Said yes to the newsletter.';

-- in place: set the comment of stock_count
COMMENT ON TABLE stock_count IS 'A shelf count from a warehouse spreadsheet.';

-- in place: set the comment of stock_count.quantity
COMMENT ON COLUMN stock_count.quantity IS 'Items on the shelf; over 5000 is checked by hand.';

-- in place: set the comment of stock_count.counted_by
COMMENT ON COLUMN stock_count.counted_by IS 'The counting employee''s badge.';

COMMIT;
