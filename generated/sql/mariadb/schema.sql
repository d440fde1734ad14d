-- The shop's schema for mariadb, generated from schema/shop.yaml (nox -s regen).

-- [[[cog sc.sql.ddl(dialect="mariadb") ]]]
-- MariaDB: timestamptz columns are DATETIME(6) holding UTC; convert before writing.
-- MariaDB: the rules here hold in strict mode (STRICT_TRANS_TABLES, the default).
-- MariaDB: a statement over max_allowed_packet (16 MiB by default) is refused, and with it any longer value.

-- Not enforced by MariaDB: scale of balance: more than 2 decimal places are rounded
-- Not enforced by MariaDB: offset of created_at: a value without an offset is read in a default zone
CREATE TABLE customer (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id UUID NOT NULL UNIQUE COMMENT 'Identifier shown in URLs and emails.',
    email VARCHAR(255) NOT NULL UNIQUE CHECK ((CHAR_LENGTH(email) <= 254) AND (email REGEXP '(?s-i)^[^@ ]+@[^@ ]+\\z') AND (INSTR(email, CHAR(0)) = 0)),
    name VARCHAR(101) NOT NULL COMMENT 'Full name.' CHECK ((CHAR_LENGTH(name) >= 1) AND (CHAR_LENGTH(name) <= 100) AND (INSTR(name, CHAR(0)) = 0)),
    balance DECIMAL(12,2) NOT NULL DEFAULT 0 COMMENT 'Store credit.' CHECK (balance >= 0),
    birth_date DATE,
    is_active BOOLEAN NOT NULL DEFAULT TRUE CHECK (is_active IN (0, 1)),
    created_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    referrer_id BIGINT COMMENT 'The customer who recommended the shop.' REFERENCES customer (id) ON DELETE SET NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A person who buys from the shop.';
CREATE INDEX ix_customer_name ON customer (name);

-- Not enforced by MariaDB: scale of price: more than 2 decimal places are rounded
-- Not enforced by MariaDB: JSON of attributes: stores \u0000 in its text
CREATE TABLE product (
    sku VARCHAR(33) NOT NULL PRIMARY KEY COMMENT 'Stock keeping unit.' CHECK ((CHAR_LENGTH(sku) <= 32) AND (sku REGEXP '(?s-i)^[A-Z]{4}-[0-9]{2,4}\\z') AND (INSTR(sku, CHAR(0)) = 0)),
    name VARCHAR(201) NOT NULL CHECK ((CHAR_LENGTH(name) <= 200) AND (INSTR(name, CHAR(0)) = 0)),
    category VARCHAR(10) NOT NULL CHECK (category IN ('books', 'games', 'hardware', 'gift-card')),
    details LONGTEXT COMMENT 'Long description; Markdown allowed.' CHECK (INSTR(details, CHAR(0)) = 0),
    price DECIMAL(10,2) NOT NULL CHECK (price >= 0),
    weight_kg DOUBLE CHECK ((weight_kg >= 0.0) AND (weight_kg <= 1000.0)),
    attributes JSON COMMENT 'Free-form facts such as colour or size.',
    thumbnail LONGBLOB COMMENT 'A small PNG preview.'
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='Something the shop sells.';

-- Not enforced by MariaDB: offset of placed_at: a value without an offset is read in a default zone
CREATE TABLE `order` (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customer (id) ON DELETE RESTRICT,
    status VARCHAR(10) NOT NULL DEFAULT 'placed' CHECK (status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled')),
    placed_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    note LONGTEXT COMMENT 'Customer''s note to the packer.' CHECK ((CHAR_LENGTH(note) <= 500) AND (INSTR(note, CHAR(0)) = 0))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='One checkout of one customer.';
CREATE INDEX ix_order_customer_id_placed_at ON `order` (customer_id, placed_at);

-- Not enforced by MariaDB: scale of unit_price: more than 2 decimal places are rounded
CREATE TABLE order_line (
    order_id BIGINT NOT NULL REFERENCES `order` (id) ON DELETE CASCADE,
    line_no SMALLINT NOT NULL CHECK (line_no >= 1),
    sku VARCHAR(33) NOT NULL CHECK ((CHAR_LENGTH(sku) <= 32) AND (INSTR(sku, CHAR(0)) = 0)) REFERENCES product (sku),
    quantity INT NOT NULL DEFAULT 1 CHECK ((quantity >= 1) AND (quantity <= 1000)),
    unit_price DECIMAL(10,2) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, line_no),
    UNIQUE (order_id, sku)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='One product in an order.';

CREATE TABLE return_line (
    order_id BIGINT NOT NULL,
    line_no SMALLINT NOT NULL,
    returned_on DATE NOT NULL,
    quantity INT NOT NULL CHECK (quantity >= 1),
    reason LONGTEXT CHECK ((CHAR_LENGTH(reason) <= 1000) AND (INSTR(reason, CHAR(0)) = 0)),
    PRIMARY KEY (order_id, line_no),
    FOREIGN KEY (order_id, line_no) REFERENCES order_line (order_id, line_no) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A line of an order sent back by the customer.';

-- Not enforced by MariaDB: offset of window_start: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of last_scan_at: a value with an offset is converted or loses it
CREATE TABLE shipment (
    id UUID NOT NULL PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES `order` (id) ON DELETE CASCADE,
    carrier VARCHAR(51) NOT NULL CHECK ((CHAR_LENGTH(carrier) <= 50) AND (INSTR(carrier, CHAR(0)) = 0)),
    tracking_code VARCHAR(41) UNIQUE CHECK ((CHAR_LENGTH(tracking_code) <= 40) AND (tracking_code REGEXP '(?s-i)^[A-Z]{2}[0-9]{9}[A-Z]{2}\\z') AND (INSTR(tracking_code, CHAR(0)) = 0)),
    shipped_on DATE NOT NULL,
    window_start TIME(6) COMMENT 'Start of the promised delivery window.',
    last_scan_at DATETIME(6) COMMENT 'Local time at the depot of the last scan.'
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A parcel on its way to a customer.';

-- Not enforced by MariaDB: offset of opens: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of closes: a value with an offset is converted or loses it
CREATE TABLE warehouse (
    code VARCHAR(9) NOT NULL PRIMARY KEY CHECK ((CHAR_LENGTH(code) <= 8) AND (code REGEXP '(?s-i)^[A-Z]{3}[0-9]\\z') AND (INSTR(code, CHAR(0)) = 0)),
    city VARCHAR(81) NOT NULL CHECK ((CHAR_LENGTH(city) <= 80) AND (INSTR(city, CHAR(0)) = 0)),
    opens TIME(6) NOT NULL,
    closes TIME(6) NOT NULL,
    capacity INT NOT NULL CHECK (capacity >= 0),
    manager_id BIGINT REFERENCES customer (id) ON DELETE SET NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A place stock is kept and shipped from.';

-- Not enforced by MariaDB: offset of signed_up_at: a value without an offset is read in a default zone
CREATE TABLE signup_import (
    signup_id INT NOT NULL PRIMARY KEY COMMENT 'Row number in the export.',
    email VARCHAR(255) NOT NULL UNIQUE CHECK ((CHAR_LENGTH(email) <= 254) AND (email REGEXP '(?s-i)^[^@ ]+@[^@ ]+\\z') AND (INSTR(email, CHAR(0)) = 0)),
    full_name VARCHAR(101) NOT NULL CHECK ((CHAR_LENGTH(full_name) >= 1) AND (CHAR_LENGTH(full_name) <= 100) AND (INSTR(full_name, CHAR(0)) = 0)),
    country LONGTEXT COMMENT 'ISO 3166 code; "NA" is Namibia, not a missing value.' CHECK ((country REGEXP '(?s-i)^[A-Z]{2}\\z') AND (INSTR(country, CHAR(0)) = 0)),
    birth_date DATE,
    age SMALLINT COMMENT 'Age as typed into the form.' CHECK ((age >= 13) AND (age <= 120)),
    newsletter BOOLEAN NOT NULL DEFAULT FALSE COMMENT 'Said yes to the newsletter.' CHECK (newsletter IN (0, 1)),
    channel VARCHAR(17) NOT NULL DEFAULT 'web' CHECK (channel IN ('web', 'store', 'phone', 'partner-referral')),
    signed_up_at DATETIME(6) NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A newsletter signup as the mailing tool exports it, one CSV row per signup.';

-- Not enforced by MariaDB: scale of unit_cost: more than 2 decimal places are rounded
CREATE TABLE stock_count (
    count_id BIGINT NOT NULL PRIMARY KEY,
    sku VARCHAR(33) NOT NULL CHECK ((CHAR_LENGTH(sku) <= 32) AND (sku REGEXP '(?s-i)^[A-Z]{4}-[0-9]{2,4}\\z') AND (INSTR(sku, CHAR(0)) = 0)),
    warehouse VARCHAR(9) NOT NULL CHECK ((CHAR_LENGTH(warehouse) <= 8) AND (warehouse REGEXP '(?s-i)^[A-Z]{3}[0-9]\\z') AND (INSTR(warehouse, CHAR(0)) = 0)),
    counted_on DATE NOT NULL,
    quantity INT NOT NULL COMMENT 'Items on the shelf; over 5000 is checked by hand.' CHECK (quantity >= 0),
    unit_cost DECIMAL(10,2) CHECK (unit_cost >= 0),
    `condition` VARCHAR(8) NOT NULL DEFAULT 'new' CHECK (`condition` IN ('new', 'used', 'damaged')),
    counted_by UUID COMMENT 'The counting employee''s badge.',
    note LONGTEXT CHECK ((CHAR_LENGTH(note) <= 200) AND (INSTR(note, CHAR(0)) = 0)),
    UNIQUE (sku, warehouse, counted_on)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A shelf count from a warehouse spreadsheet.';
-- [[[end]]]
