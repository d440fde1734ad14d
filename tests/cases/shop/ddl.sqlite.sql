-- SQLite: foreign keys are enforced only with PRAGMA foreign_keys = ON.
-- SQLite: declared types are affinities; a value of another type is not rejected.
-- SQLite: decimal is NUMERIC (binary floating point beyond 15 digits).

CREATE TABLE customer
-- Not enforced by SQLite: pattern of email: ^[^@ ]+@[^@ ]+$
-- Not enforced by SQLite: scale of balance: a value is compared as a double, so places past 15 significant digits are not seen
-- Not enforced by SQLite: offset of created_at: a value without an offset is read in a default zone
-- A person who buys from the shop.
(
    id INTEGER NOT NULL CONSTRAINT pk_customer PRIMARY KEY,
    -- Identifier shown in URLs and emails.
    public_id UUID NOT NULL CONSTRAINT uq_customer_public_id UNIQUE,
    email TEXT NOT NULL CONSTRAINT uq_customer_email UNIQUE CONSTRAINT ck_customer_email_max_length CHECK (length(email) <= 254) CONSTRAINT ck_customer_email_nul CHECK (instr(email, char(0)) = 0),
    -- Full name.
    name TEXT NOT NULL CONSTRAINT ck_customer_name_min_length CHECK (length(name) >= 1) CONSTRAINT ck_customer_name_max_length CHECK (length(name) <= 100) CONSTRAINT ck_customer_name_nul CHECK (instr(name, char(0)) = 0),
    -- Store credit.
    balance NUMERIC(12,2) NOT NULL DEFAULT 0 CONSTRAINT ck_customer_balance_min CHECK (balance >= 0) CONSTRAINT ck_customer_balance_precision CHECK (abs(balance) < 10000000000) CONSTRAINT ck_customer_balance_scale CHECK (balance = round(balance, 2)) CONSTRAINT ck_customer_balance_finite CHECK (typeof(balance) IN ('integer', 'real', 'null')),
    birth_date DATE,
    is_active INTEGER NOT NULL DEFAULT TRUE CONSTRAINT ck_customer_is_active_boolean CHECK (is_active IN (0, 1)),
    created_at TIMESTAMPTZ NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CONSTRAINT ck_customer_created_at_instant CHECK (created_at IS NULL OR coalesce(julianday(created_at), 0) >= 1721425.5),
    -- The customer who recommended the shop.
    referrer_id INTEGER CONSTRAINT fk_customer_referrer_id REFERENCES customer (id) ON DELETE SET NULL
);
CREATE INDEX ix_customer_name ON customer (name);

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
    attributes TEXT CONSTRAINT ck_product_attributes_json CHECK (attributes IS NULL OR json_valid(attributes)),
    -- A small PNG preview.
    thumbnail BLOB
);

CREATE TABLE "order"
-- Not enforced by SQLite: offset of placed_at: a value without an offset is read in a default zone
-- One checkout of one customer.
(
    id INTEGER NOT NULL CONSTRAINT pk_order PRIMARY KEY,
    customer_id INTEGER NOT NULL CONSTRAINT fk_order_customer_id REFERENCES customer (id) ON DELETE RESTRICT,
    status TEXT NOT NULL DEFAULT 'placed' CONSTRAINT ck_order_status_enum CHECK (status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled')),
    placed_at TIMESTAMPTZ NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CONSTRAINT ck_order_placed_at_instant CHECK (placed_at IS NULL OR coalesce(julianday(placed_at), 0) >= 1721425.5),
    -- Customer's note to the packer.
    note TEXT CONSTRAINT ck_order_note_max_length CHECK (length(note) <= 500) CONSTRAINT ck_order_note_nul CHECK (instr(note, char(0)) = 0)
);
CREATE INDEX ix_order_customer_id_placed_at ON "order" (customer_id, placed_at);

CREATE TABLE order_line
-- Not enforced by SQLite: scale of unit_price: a value is compared as a double, so places past 15 significant digits are not seen
-- One product in an order.
(
    order_id INTEGER NOT NULL CONSTRAINT fk_order_line_order_id REFERENCES "order" (id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL CONSTRAINT ck_order_line_line_no_min CHECK (line_no >= 1) CONSTRAINT ck_order_line_line_no_max CHECK (line_no <= 32767),
    sku TEXT NOT NULL CONSTRAINT ck_order_line_sku_max_length CHECK (length(sku) <= 32) CONSTRAINT ck_order_line_sku_nul CHECK (instr(sku, char(0)) = 0) CONSTRAINT fk_order_line_sku REFERENCES product (sku),
    quantity INTEGER NOT NULL DEFAULT 1 CONSTRAINT ck_order_line_quantity_min CHECK (quantity >= 1) CONSTRAINT ck_order_line_quantity_max CHECK (quantity <= 1000),
    unit_price NUMERIC(10,2) NOT NULL CONSTRAINT ck_order_line_unit_price_min CHECK (unit_price >= 0) CONSTRAINT ck_order_line_unit_price_precision CHECK (abs(unit_price) < 100000000) CONSTRAINT ck_order_line_unit_price_scale CHECK (unit_price = round(unit_price, 2)) CONSTRAINT ck_order_line_unit_price_finite CHECK (typeof(unit_price) IN ('integer', 'real', 'null')),
    CONSTRAINT pk_order_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT uq_order_line_order_id_sku UNIQUE (order_id, sku)
);

CREATE TABLE return_line
-- A line of an order sent back by the customer.
(
    order_id INTEGER NOT NULL,
    line_no INTEGER NOT NULL CONSTRAINT ck_return_line_line_no_min CHECK (line_no >= -32768) CONSTRAINT ck_return_line_line_no_max CHECK (line_no <= 32767),
    returned_on DATE NOT NULL,
    quantity INTEGER NOT NULL CONSTRAINT ck_return_line_quantity_min CHECK (quantity >= 1) CONSTRAINT ck_return_line_quantity_max CHECK (quantity <= 2147483647),
    reason TEXT CONSTRAINT ck_return_line_reason_max_length CHECK (length(reason) <= 1000) CONSTRAINT ck_return_line_reason_nul CHECK (instr(reason, char(0)) = 0),
    CONSTRAINT pk_return_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_return_line_order_id_line_no FOREIGN KEY (order_id, line_no) REFERENCES order_line (order_id, line_no) ON DELETE CASCADE
);

CREATE TABLE shipment
-- Not enforced by SQLite: pattern of tracking_code: ^[A-Z]{2}[0-9]{9}[A-Z]{2}$
-- Not enforced by SQLite: offset of window_start: a value with an offset is converted or loses it
-- Not enforced by SQLite: offset of last_scan_at: a value with an offset is converted or loses it
-- A parcel on its way to a customer.
(
    id UUID NOT NULL CONSTRAINT pk_shipment PRIMARY KEY,
    order_id INTEGER NOT NULL CONSTRAINT fk_shipment_order_id REFERENCES "order" (id) ON DELETE CASCADE,
    carrier TEXT NOT NULL CONSTRAINT ck_shipment_carrier_max_length CHECK (length(carrier) <= 50) CONSTRAINT ck_shipment_carrier_nul CHECK (instr(carrier, char(0)) = 0),
    tracking_code TEXT CONSTRAINT uq_shipment_tracking_code UNIQUE CONSTRAINT ck_shipment_tracking_code_max_length CHECK (length(tracking_code) <= 40) CONSTRAINT ck_shipment_tracking_code_nul CHECK (instr(tracking_code, char(0)) = 0),
    shipped_on DATE NOT NULL,
    -- Start of the promised delivery window.
    window_start TIME,
    -- Local time at the depot of the last scan.
    last_scan_at TIMESTAMP
);

CREATE TABLE warehouse
-- Not enforced by SQLite: pattern of code: ^[A-Z]{3}[0-9]$
-- Not enforced by SQLite: offset of opens: a value with an offset is converted or loses it
-- Not enforced by SQLite: offset of closes: a value with an offset is converted or loses it
-- A place stock is kept and shipped from.
(
    code TEXT NOT NULL CONSTRAINT pk_warehouse PRIMARY KEY CONSTRAINT ck_warehouse_code_max_length CHECK (length(code) <= 8) CONSTRAINT ck_warehouse_code_nul CHECK (instr(code, char(0)) = 0),
    city TEXT NOT NULL CONSTRAINT ck_warehouse_city_max_length CHECK (length(city) <= 80) CONSTRAINT ck_warehouse_city_nul CHECK (instr(city, char(0)) = 0),
    opens TIME NOT NULL,
    closes TIME NOT NULL,
    capacity INTEGER NOT NULL CONSTRAINT ck_warehouse_capacity_min CHECK (capacity >= 0) CONSTRAINT ck_warehouse_capacity_max CHECK (capacity <= 2147483647),
    manager_id INTEGER CONSTRAINT fk_warehouse_manager_id REFERENCES customer (id) ON DELETE SET NULL
);

CREATE TABLE signup_import
-- Not enforced by SQLite: pattern of email: ^[^@ ]+@[^@ ]+$
-- Not enforced by SQLite: pattern of country: ^[A-Z]{2}$
-- Not enforced by SQLite: offset of signed_up_at: a value without an offset is read in a default zone
-- A newsletter signup as the mailing tool exports it, one CSV row per signup.
(
    -- Row number in the export.
    signup_id INTEGER NOT NULL CONSTRAINT pk_signup_import PRIMARY KEY CONSTRAINT ck_signup_import_signup_id_min CHECK (signup_id >= -2147483648) CONSTRAINT ck_signup_import_signup_id_max CHECK (signup_id <= 2147483647),
    email TEXT NOT NULL CONSTRAINT uq_signup_import_email UNIQUE CONSTRAINT ck_signup_import_email_max_length CHECK (length(email) <= 254) CONSTRAINT ck_signup_import_email_nul CHECK (instr(email, char(0)) = 0),
    full_name TEXT NOT NULL CONSTRAINT ck_signup_import_full_name_min_length CHECK (length(full_name) >= 1) CONSTRAINT ck_signup_import_full_name_max_length CHECK (length(full_name) <= 100) CONSTRAINT ck_signup_import_full_name_nul CHECK (instr(full_name, char(0)) = 0),
    -- ISO 3166 code; "NA" is Namibia, not a missing value.
    country TEXT CONSTRAINT ck_signup_import_country_max_length CHECK (length(country) <= 10000) CONSTRAINT ck_signup_import_country_nul CHECK (instr(country, char(0)) = 0),
    birth_date DATE,
    -- Age as typed into the form.
    age INTEGER CONSTRAINT ck_signup_import_age_min CHECK (age >= 13) CONSTRAINT ck_signup_import_age_max CHECK (age <= 120),
    -- Said yes to the newsletter.
    newsletter INTEGER NOT NULL DEFAULT FALSE CONSTRAINT ck_signup_import_newsletter_boolean CHECK (newsletter IN (0, 1)),
    channel TEXT NOT NULL DEFAULT 'web' CONSTRAINT ck_signup_import_channel_enum CHECK (channel IN ('web', 'store', 'phone', 'partner-referral')),
    signed_up_at TIMESTAMPTZ NOT NULL CONSTRAINT ck_signup_import_signed_up_at_instant CHECK (signed_up_at IS NULL OR coalesce(julianday(signed_up_at), 0) >= 1721425.5)
);

CREATE TABLE stock_count
-- Not enforced by SQLite: pattern of sku: ^[A-Z]{4}-[0-9]{2,4}$
-- Not enforced by SQLite: pattern of warehouse: ^[A-Z]{3}[0-9]$
-- Not enforced by SQLite: scale of unit_cost: a value is compared as a double, so places past 15 significant digits are not seen
-- A shelf count from a warehouse spreadsheet.
(
    count_id INTEGER NOT NULL CONSTRAINT pk_stock_count PRIMARY KEY,
    sku TEXT NOT NULL CONSTRAINT ck_stock_count_sku_max_length CHECK (length(sku) <= 32) CONSTRAINT ck_stock_count_sku_nul CHECK (instr(sku, char(0)) = 0),
    warehouse TEXT NOT NULL CONSTRAINT ck_stock_count_warehouse_max_length CHECK (length(warehouse) <= 8) CONSTRAINT ck_stock_count_warehouse_nul CHECK (instr(warehouse, char(0)) = 0),
    counted_on DATE NOT NULL,
    -- Items on the shelf; over 5000 is checked by hand.
    quantity INTEGER NOT NULL CONSTRAINT ck_stock_count_quantity_min CHECK (quantity >= 0) CONSTRAINT ck_stock_count_quantity_max CHECK (quantity <= 2147483647),
    unit_cost NUMERIC(10,2) CONSTRAINT ck_stock_count_unit_cost_min CHECK (unit_cost >= 0) CONSTRAINT ck_stock_count_unit_cost_precision CHECK (abs(unit_cost) < 100000000) CONSTRAINT ck_stock_count_unit_cost_scale CHECK (unit_cost = round(unit_cost, 2)) CONSTRAINT ck_stock_count_unit_cost_finite CHECK (typeof(unit_cost) IN ('integer', 'real', 'null')),
    condition TEXT NOT NULL DEFAULT 'new' CONSTRAINT ck_stock_count_condition_enum CHECK (condition IN ('new', 'used', 'damaged')),
    -- The counting employee's badge.
    counted_by UUID,
    note TEXT CONSTRAINT ck_stock_count_note_max_length CHECK (length(note) <= 200) CONSTRAINT ck_stock_count_note_nul CHECK (instr(note, char(0)) = 0),
    CONSTRAINT uq_stock_count_sku_warehouse_counted_on UNIQUE (sku, warehouse, counted_on)
);
