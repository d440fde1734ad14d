-- schemacog migration for mariadb
-- from: empty (fingerprint e8cef92a52d6c528)
-- to: new.yaml (fingerprint e6e660057ae6c04d)

SET SESSION foreign_key_checks = 0;

START TRANSACTION;

-- in place: create table customer from the new schema
-- Not enforced by MariaDB: scale of balance: more than 2 decimal places are rounded
-- Not enforced by MariaDB: offset of created_at: a value without an offset is read in a default zone
CREATE TABLE customer (
    id BIGINT NOT NULL AUTO_INCREMENT,
    public_id UUID NOT NULL COMMENT 'Identifier shown in URLs and emails.',
    email VARCHAR(255) NOT NULL,
    name VARCHAR(101) NOT NULL COMMENT 'Full name.',
    balance DECIMAL(12,2) NOT NULL DEFAULT 0 COMMENT 'Store credit.',
    birth_date DATE,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    referrer_id BIGINT COMMENT 'The customer who recommended the shop.',
    CONSTRAINT pk_customer PRIMARY KEY (id),
    CONSTRAINT uq_customer_public_id UNIQUE (public_id),
    CONSTRAINT uq_customer_email UNIQUE (email),
    CONSTRAINT ck_customer_email_max_length CHECK (CHAR_LENGTH(email) <= 254),
    CONSTRAINT ck_customer_email_pattern CHECK (email REGEXP '(?s-i)^[^@ ]+@[^@ ]+\\z'),
    CONSTRAINT ck_customer_email_nul CHECK (INSTR(email, CHAR(0)) = 0),
    CONSTRAINT ck_customer_name_min_length CHECK (CHAR_LENGTH(name) >= 1),
    CONSTRAINT ck_customer_name_max_length CHECK (CHAR_LENGTH(name) <= 100),
    CONSTRAINT ck_customer_name_nul CHECK (INSTR(name, CHAR(0)) = 0),
    CONSTRAINT ck_customer_balance_min CHECK (balance >= 0),
    CONSTRAINT ck_customer_is_active_boolean CHECK (is_active IN (0, 1)),
    CONSTRAINT fk_customer_referrer_id FOREIGN KEY (referrer_id) REFERENCES customer (id) ON DELETE SET NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A person who buys from the shop.';

-- in place: create table product from the new schema
-- Not enforced by MariaDB: scale of price: more than 2 decimal places are rounded
-- Not enforced by MariaDB: JSON of attributes: stores \u0000 in its text
CREATE TABLE product (
    sku VARCHAR(33) NOT NULL COMMENT 'Stock keeping unit.',
    name VARCHAR(201) NOT NULL,
    category VARCHAR(10) NOT NULL,
    details LONGTEXT COMMENT 'Long description; Markdown allowed.',
    price DECIMAL(10,2) NOT NULL,
    weight_kg DOUBLE,
    attributes JSON COMMENT 'Free-form facts such as colour or size.',
    thumbnail LONGBLOB COMMENT 'A small PNG preview.',
    CONSTRAINT pk_product PRIMARY KEY (sku),
    CONSTRAINT ck_product_sku_max_length CHECK (CHAR_LENGTH(sku) <= 32),
    CONSTRAINT ck_product_sku_pattern CHECK (sku REGEXP '(?s-i)^[A-Z]{4}-[0-9]{2,4}\\z'),
    CONSTRAINT ck_product_sku_nul CHECK (INSTR(sku, CHAR(0)) = 0),
    CONSTRAINT ck_product_name_max_length CHECK (CHAR_LENGTH(name) <= 200),
    CONSTRAINT ck_product_name_nul CHECK (INSTR(name, CHAR(0)) = 0),
    CONSTRAINT ck_product_category_enum CHECK (category IN ('books', 'games', 'hardware', 'gift-card')),
    CONSTRAINT ck_product_details_nul CHECK (INSTR(details, CHAR(0)) = 0),
    CONSTRAINT ck_product_price_min CHECK (price >= 0),
    CONSTRAINT ck_product_weight_kg_min CHECK (weight_kg >= 0.0),
    CONSTRAINT ck_product_weight_kg_max CHECK (weight_kg <= 1000.0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='Something the shop sells.';

-- in place: create table order from the new schema
-- Not enforced by MariaDB: offset of placed_at: a value without an offset is read in a default zone
CREATE TABLE `order` (
    id BIGINT NOT NULL AUTO_INCREMENT,
    customer_id BIGINT NOT NULL,
    status VARCHAR(10) NOT NULL DEFAULT 'placed',
    placed_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    note LONGTEXT COMMENT 'Customer''s note to the packer.',
    CONSTRAINT pk_order PRIMARY KEY (id),
    CONSTRAINT fk_order_customer_id FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE RESTRICT,
    CONSTRAINT ck_order_status_enum CHECK (status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled')),
    CONSTRAINT ck_order_note_max_length CHECK (CHAR_LENGTH(note) <= 500),
    CONSTRAINT ck_order_note_nul CHECK (INSTR(note, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='One checkout of one customer.';

-- in place: create table order_line from the new schema
-- Not enforced by MariaDB: scale of unit_price: more than 2 decimal places are rounded
CREATE TABLE order_line (
    order_id BIGINT NOT NULL,
    line_no SMALLINT NOT NULL,
    sku VARCHAR(33) NOT NULL,
    quantity INT NOT NULL DEFAULT 1,
    unit_price DECIMAL(10,2) NOT NULL,
    CONSTRAINT pk_order_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT uq_order_line_order_id_sku UNIQUE (order_id, sku),
    CONSTRAINT fk_order_line_order_id FOREIGN KEY (order_id) REFERENCES `order` (id) ON DELETE CASCADE,
    CONSTRAINT ck_order_line_line_no_min CHECK (line_no >= 1),
    CONSTRAINT ck_order_line_sku_max_length CHECK (CHAR_LENGTH(sku) <= 32),
    CONSTRAINT ck_order_line_sku_nul CHECK (INSTR(sku, CHAR(0)) = 0),
    CONSTRAINT fk_order_line_sku FOREIGN KEY (sku) REFERENCES product (sku),
    CONSTRAINT ck_order_line_quantity_min CHECK (quantity >= 1),
    CONSTRAINT ck_order_line_quantity_max CHECK (quantity <= 1000),
    CONSTRAINT ck_order_line_unit_price_min CHECK (unit_price >= 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='One product in an order.';

-- in place: create table return_line from the new schema
CREATE TABLE return_line (
    order_id BIGINT NOT NULL,
    line_no SMALLINT NOT NULL,
    returned_on DATE NOT NULL,
    quantity INT NOT NULL,
    reason LONGTEXT,
    CONSTRAINT pk_return_line PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_return_line_order_id_line_no FOREIGN KEY (order_id, line_no) REFERENCES order_line (order_id, line_no) ON DELETE CASCADE,
    CONSTRAINT ck_return_line_quantity_min CHECK (quantity >= 1),
    CONSTRAINT ck_return_line_reason_max_length CHECK (CHAR_LENGTH(reason) <= 1000),
    CONSTRAINT ck_return_line_reason_nul CHECK (INSTR(reason, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A line of an order sent back by the customer.';

-- in place: create table shipment from the new schema
-- Not enforced by MariaDB: offset of window_start: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of last_scan_at: a value with an offset is converted or loses it
CREATE TABLE shipment (
    id UUID NOT NULL,
    order_id BIGINT NOT NULL,
    carrier VARCHAR(51) NOT NULL,
    tracking_code VARCHAR(41),
    shipped_on DATE NOT NULL,
    window_start TIME(6) COMMENT 'Start of the promised delivery window.',
    last_scan_at DATETIME(6) COMMENT 'Local time at the depot of the last scan.',
    CONSTRAINT pk_shipment PRIMARY KEY (id),
    CONSTRAINT fk_shipment_order_id FOREIGN KEY (order_id) REFERENCES `order` (id) ON DELETE CASCADE,
    CONSTRAINT ck_shipment_carrier_max_length CHECK (CHAR_LENGTH(carrier) <= 50),
    CONSTRAINT ck_shipment_carrier_nul CHECK (INSTR(carrier, CHAR(0)) = 0),
    CONSTRAINT uq_shipment_tracking_code UNIQUE (tracking_code),
    CONSTRAINT ck_shipment_tracking_code_max_length CHECK (CHAR_LENGTH(tracking_code) <= 40),
    CONSTRAINT ck_shipment_tracking_code_pattern CHECK (tracking_code REGEXP '(?s-i)^[A-Z]{2}[0-9]{9}[A-Z]{2}\\z'),
    CONSTRAINT ck_shipment_tracking_code_nul CHECK (INSTR(tracking_code, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A parcel on its way to a customer.';

-- in place: create table warehouse from the new schema
-- Not enforced by MariaDB: offset of opens: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of closes: a value with an offset is converted or loses it
CREATE TABLE warehouse (
    code VARCHAR(9) NOT NULL,
    city VARCHAR(81) NOT NULL,
    opens TIME(6) NOT NULL,
    closes TIME(6) NOT NULL,
    capacity INT NOT NULL,
    manager_id BIGINT,
    CONSTRAINT pk_warehouse PRIMARY KEY (code),
    CONSTRAINT ck_warehouse_code_max_length CHECK (CHAR_LENGTH(code) <= 8),
    CONSTRAINT ck_warehouse_code_pattern CHECK (code REGEXP '(?s-i)^[A-Z]{3}[0-9]\\z'),
    CONSTRAINT ck_warehouse_code_nul CHECK (INSTR(code, CHAR(0)) = 0),
    CONSTRAINT ck_warehouse_city_max_length CHECK (CHAR_LENGTH(city) <= 80),
    CONSTRAINT ck_warehouse_city_nul CHECK (INSTR(city, CHAR(0)) = 0),
    CONSTRAINT ck_warehouse_capacity_min CHECK (capacity >= 0),
    CONSTRAINT fk_warehouse_manager_id FOREIGN KEY (manager_id) REFERENCES customer (id) ON DELETE SET NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A place stock is kept and shipped from.';

-- in place: create table signup_import from the new schema
-- Not enforced by MariaDB: offset of signed_up_at: a value without an offset is read in a default zone
CREATE TABLE signup_import (
    signup_id INT NOT NULL COMMENT 'Row number in the export.',
    email VARCHAR(255) NOT NULL,
    full_name VARCHAR(101) NOT NULL,
    country VARCHAR(10001) COMMENT 'ISO 3166 code; "NA" is Namibia, not a missing value.',
    birth_date DATE,
    age SMALLINT COMMENT 'Age as typed into the form.',
    newsletter BOOLEAN NOT NULL DEFAULT FALSE COMMENT 'Said yes to the newsletter.',
    channel VARCHAR(17) NOT NULL DEFAULT 'web',
    signed_up_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_signup_import PRIMARY KEY (signup_id),
    CONSTRAINT uq_signup_import_email UNIQUE (email),
    CONSTRAINT ck_signup_import_email_max_length CHECK (CHAR_LENGTH(email) <= 254),
    CONSTRAINT ck_signup_import_email_pattern CHECK (email REGEXP '(?s-i)^[^@ ]+@[^@ ]+\\z'),
    CONSTRAINT ck_signup_import_email_nul CHECK (INSTR(email, CHAR(0)) = 0),
    CONSTRAINT ck_signup_import_full_name_min_length CHECK (CHAR_LENGTH(full_name) >= 1),
    CONSTRAINT ck_signup_import_full_name_max_length CHECK (CHAR_LENGTH(full_name) <= 100),
    CONSTRAINT ck_signup_import_full_name_nul CHECK (INSTR(full_name, CHAR(0)) = 0),
    CONSTRAINT ck_signup_import_country_max_length CHECK (CHAR_LENGTH(country) <= 10000),
    CONSTRAINT ck_signup_import_country_pattern CHECK (country REGEXP '(?s-i)^[A-Z]{2}\\z'),
    CONSTRAINT ck_signup_import_country_nul CHECK (INSTR(country, CHAR(0)) = 0),
    CONSTRAINT ck_signup_import_age_min CHECK (age >= 13),
    CONSTRAINT ck_signup_import_age_max CHECK (age <= 120),
    CONSTRAINT ck_signup_import_newsletter_boolean CHECK (newsletter IN (0, 1)),
    CONSTRAINT ck_signup_import_channel_enum CHECK (channel IN ('web', 'store', 'phone', 'partner-referral'))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A newsletter signup as the mailing tool exports it, one CSV row per signup.';

-- in place: create table stock_count from the new schema
-- Not enforced by MariaDB: scale of unit_cost: more than 2 decimal places are rounded
CREATE TABLE stock_count (
    count_id BIGINT NOT NULL,
    sku VARCHAR(33) NOT NULL,
    warehouse VARCHAR(9) NOT NULL,
    counted_on DATE NOT NULL,
    quantity INT NOT NULL COMMENT 'Items on the shelf; over 5000 is checked by hand.',
    unit_cost DECIMAL(10,2),
    `condition` VARCHAR(8) NOT NULL DEFAULT 'new',
    counted_by UUID COMMENT 'The counting employee''s badge.',
    note LONGTEXT,
    CONSTRAINT uq_stock_count_sku_warehouse_counted_on UNIQUE (sku, warehouse, counted_on),
    CONSTRAINT pk_stock_count PRIMARY KEY (count_id),
    CONSTRAINT ck_stock_count_sku_max_length CHECK (CHAR_LENGTH(sku) <= 32),
    CONSTRAINT ck_stock_count_sku_pattern CHECK (sku REGEXP '(?s-i)^[A-Z]{4}-[0-9]{2,4}\\z'),
    CONSTRAINT ck_stock_count_sku_nul CHECK (INSTR(sku, CHAR(0)) = 0),
    CONSTRAINT ck_stock_count_warehouse_max_length CHECK (CHAR_LENGTH(warehouse) <= 8),
    CONSTRAINT ck_stock_count_warehouse_pattern CHECK (warehouse REGEXP '(?s-i)^[A-Z]{3}[0-9]\\z'),
    CONSTRAINT ck_stock_count_warehouse_nul CHECK (INSTR(warehouse, CHAR(0)) = 0),
    CONSTRAINT ck_stock_count_quantity_min CHECK (quantity >= 0),
    CONSTRAINT ck_stock_count_unit_cost_min CHECK (unit_cost >= 0),
    CONSTRAINT ck_stock_count_condition_enum CHECK (`condition` IN ('new', 'used', 'damaged')),
    CONSTRAINT ck_stock_count_note_max_length CHECK (CHAR_LENGTH(note) <= 200),
    CONSTRAINT ck_stock_count_note_nul CHECK (INSTR(note, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A shelf count from a warehouse spreadsheet.';

-- in place: create index ix_customer_name
CREATE INDEX ix_customer_name ON customer (name);

-- in place: create index ix_order_customer_id_placed_at
CREATE INDEX ix_order_customer_id_placed_at ON `order` (customer_id, placed_at);

COMMIT;

SET SESSION foreign_key_checks = 1;
