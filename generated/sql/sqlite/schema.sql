-- The shop's schema for sqlite, generated from schema/shop.yaml (nox -s regen).

-- [[[cog sc.sql.ddl(dialect="sqlite") ]]]
-- SQLite: foreign keys are enforced only with PRAGMA foreign_keys = ON.
-- SQLite: declared types are affinities; a value of another type is not rejected.
-- SQLite: decimal is NUMERIC (binary floating point beyond 15 digits).

-- Not enforced by SQLite: pattern of email: ^[^@ ]+@[^@ ]+$
-- Not enforced by SQLite: scale of balance: a value is compared as a double, so places past 15 significant digits are not seen
-- Not enforced by SQLite: offset of created_at: a value without an offset is read in a default zone
-- A person who buys from the shop.
CREATE TABLE customer (
    id INTEGER NOT NULL PRIMARY KEY,
    -- Identifier shown in URLs and emails.
    public_id TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL UNIQUE CHECK (length(email) <= 254) CHECK (instr(email, char(0)) = 0),
    -- Full name.
    name TEXT NOT NULL CHECK (length(name) >= 1) CHECK (length(name) <= 100) CHECK (instr(name, char(0)) = 0),
    -- Store credit.
    balance NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (balance >= 0) CHECK (abs(balance) < 10000000000) CHECK (balance = round(balance, 2)) CHECK (typeof(balance) IN ('integer', 'real', 'null')),
    birth_date TEXT,
    is_active INTEGER NOT NULL DEFAULT TRUE CHECK (is_active IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CHECK (created_at IS NULL OR coalesce(julianday(created_at), 0) >= 1721425.5),
    -- The customer who recommended the shop.
    referrer_id INTEGER REFERENCES customer (id) ON DELETE SET NULL
);
CREATE INDEX ix_customer_name ON customer (name);

-- Not enforced by SQLite: pattern of sku: ^[A-Z]{4}-[0-9]{2,4}$
-- Not enforced by SQLite: scale of price: a value is compared as a double, so places past 15 significant digits are not seen
-- Not enforced by SQLite: NaN in weight_kg (the driver stores NaN as NULL)
-- Not enforced by SQLite: JSON of attributes: stores \u0000 and lone surrogates (\ud800) in its text, and arrays and objects nested deeper than 31
-- Something the shop sells.
CREATE TABLE product (
    -- Stock keeping unit.
    sku TEXT NOT NULL PRIMARY KEY CHECK (length(sku) <= 32) CHECK (instr(sku, char(0)) = 0),
    name TEXT NOT NULL CHECK (length(name) <= 200) CHECK (instr(name, char(0)) = 0),
    category TEXT NOT NULL CHECK (category IN ('books', 'games', 'hardware', 'gift-card')),
    -- Long description; Markdown allowed.
    details TEXT CHECK (instr(details, char(0)) = 0),
    price NUMERIC(10,2) NOT NULL CHECK (price >= 0) CHECK (abs(price) < 100000000) CHECK (price = round(price, 2)) CHECK (typeof(price) IN ('integer', 'real', 'null')),
    weight_kg REAL CHECK (weight_kg >= 0.0) CHECK (weight_kg <= 1000.0) CHECK (weight_kg NOT IN (9e999, -9e999)),
    -- Free-form facts such as colour or size.
    attributes TEXT CHECK (attributes IS NULL OR json_valid(attributes)),
    -- A small PNG preview.
    thumbnail BLOB
);

-- Not enforced by SQLite: offset of placed_at: a value without an offset is read in a default zone
-- One checkout of one customer.
CREATE TABLE "order" (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE RESTRICT,
    status TEXT NOT NULL DEFAULT 'placed' CHECK (status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled')),
    placed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CHECK (placed_at IS NULL OR coalesce(julianday(placed_at), 0) >= 1721425.5),
    -- Customer's note to the packer.
    note TEXT CHECK (length(note) <= 500) CHECK (instr(note, char(0)) = 0)
);
CREATE INDEX ix_order_customer_id_placed_at ON "order" (customer_id, placed_at);

-- Not enforced by SQLite: scale of unit_price: a value is compared as a double, so places past 15 significant digits are not seen
-- One product in an order.
CREATE TABLE order_line (
    order_id INTEGER NOT NULL REFERENCES "order" (id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL CHECK (line_no >= 1) CHECK (line_no <= 32767),
    sku TEXT NOT NULL CHECK (length(sku) <= 32) CHECK (instr(sku, char(0)) = 0) REFERENCES product (sku),
    quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1) CHECK (quantity <= 1000),
    unit_price NUMERIC(10,2) NOT NULL CHECK (unit_price >= 0) CHECK (abs(unit_price) < 100000000) CHECK (unit_price = round(unit_price, 2)) CHECK (typeof(unit_price) IN ('integer', 'real', 'null')),
    PRIMARY KEY (order_id, line_no),
    UNIQUE (order_id, sku)
);

-- A line of an order sent back by the customer.
CREATE TABLE return_line (
    order_id INTEGER NOT NULL,
    line_no INTEGER NOT NULL CHECK (line_no >= -32768) CHECK (line_no <= 32767),
    returned_on TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity >= 1) CHECK (quantity <= 2147483647),
    reason TEXT CHECK (length(reason) <= 1000) CHECK (instr(reason, char(0)) = 0),
    PRIMARY KEY (order_id, line_no),
    FOREIGN KEY (order_id, line_no) REFERENCES order_line (order_id, line_no) ON DELETE CASCADE
);

-- Not enforced by SQLite: pattern of tracking_code: ^[A-Z]{2}[0-9]{9}[A-Z]{2}$
-- Not enforced by SQLite: offset of window_start: a value with an offset is converted or loses it
-- Not enforced by SQLite: offset of last_scan_at: a value with an offset is converted or loses it
-- A parcel on its way to a customer.
CREATE TABLE shipment (
    id TEXT NOT NULL PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES "order" (id) ON DELETE CASCADE,
    carrier TEXT NOT NULL CHECK (length(carrier) <= 50) CHECK (instr(carrier, char(0)) = 0),
    tracking_code TEXT UNIQUE CHECK (length(tracking_code) <= 40) CHECK (instr(tracking_code, char(0)) = 0),
    shipped_on TEXT NOT NULL,
    -- Start of the promised delivery window.
    window_start TEXT,
    -- Local time at the depot of the last scan.
    last_scan_at TEXT
);

-- Not enforced by SQLite: pattern of code: ^[A-Z]{3}[0-9]$
-- Not enforced by SQLite: offset of opens: a value with an offset is converted or loses it
-- Not enforced by SQLite: offset of closes: a value with an offset is converted or loses it
-- A place stock is kept and shipped from.
CREATE TABLE warehouse (
    code TEXT NOT NULL PRIMARY KEY CHECK (length(code) <= 8) CHECK (instr(code, char(0)) = 0),
    city TEXT NOT NULL CHECK (length(city) <= 80) CHECK (instr(city, char(0)) = 0),
    opens TEXT NOT NULL,
    closes TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity >= 0) CHECK (capacity <= 2147483647),
    manager_id INTEGER REFERENCES customer (id) ON DELETE SET NULL
);

-- Not enforced by SQLite: pattern of email: ^[^@ ]+@[^@ ]+$
-- Not enforced by SQLite: pattern of country: ^[A-Z]{2}$
-- Not enforced by SQLite: offset of signed_up_at: a value without an offset is read in a default zone
-- A newsletter signup as the mailing tool exports it, one CSV row per signup.
CREATE TABLE signup_import (
    -- Row number in the export.
    signup_id INTEGER NOT NULL PRIMARY KEY CHECK (signup_id >= -2147483648) CHECK (signup_id <= 2147483647),
    email TEXT NOT NULL UNIQUE CHECK (length(email) <= 254) CHECK (instr(email, char(0)) = 0),
    full_name TEXT NOT NULL CHECK (length(full_name) >= 1) CHECK (length(full_name) <= 100) CHECK (instr(full_name, char(0)) = 0),
    -- ISO 3166 code; "NA" is Namibia, not a missing value.
    country TEXT CHECK (instr(country, char(0)) = 0),
    birth_date TEXT,
    -- Age as typed into the form.
    age INTEGER CHECK (age >= 13) CHECK (age <= 120),
    -- Said yes to the newsletter.
    newsletter INTEGER NOT NULL DEFAULT FALSE CHECK (newsletter IN (0, 1)),
    channel TEXT NOT NULL DEFAULT 'web' CHECK (channel IN ('web', 'store', 'phone', 'partner-referral')),
    signed_up_at TEXT NOT NULL CHECK (signed_up_at IS NULL OR coalesce(julianday(signed_up_at), 0) >= 1721425.5)
);

-- Not enforced by SQLite: pattern of sku: ^[A-Z]{4}-[0-9]{2,4}$
-- Not enforced by SQLite: pattern of warehouse: ^[A-Z]{3}[0-9]$
-- Not enforced by SQLite: scale of unit_cost: a value is compared as a double, so places past 15 significant digits are not seen
-- A shelf count from a warehouse spreadsheet.
CREATE TABLE stock_count (
    count_id INTEGER NOT NULL PRIMARY KEY,
    sku TEXT NOT NULL CHECK (length(sku) <= 32) CHECK (instr(sku, char(0)) = 0),
    warehouse TEXT NOT NULL CHECK (length(warehouse) <= 8) CHECK (instr(warehouse, char(0)) = 0),
    counted_on TEXT NOT NULL,
    -- Items on the shelf; over 5000 is checked by hand.
    quantity INTEGER NOT NULL CHECK (quantity >= 0) CHECK (quantity <= 2147483647),
    unit_cost NUMERIC(10,2) CHECK (unit_cost >= 0) CHECK (abs(unit_cost) < 100000000) CHECK (unit_cost = round(unit_cost, 2)) CHECK (typeof(unit_cost) IN ('integer', 'real', 'null')),
    condition TEXT NOT NULL DEFAULT 'new' CHECK (condition IN ('new', 'used', 'damaged')),
    -- The counting employee's badge.
    counted_by TEXT,
    note TEXT CHECK (length(note) <= 200) CHECK (instr(note, char(0)) = 0),
    UNIQUE (sku, warehouse, counted_on)
);
-- [[[end]]]
