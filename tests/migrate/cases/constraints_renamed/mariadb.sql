-- schemacog migration for mariadb
-- from: old.yaml (fingerprint e6e660057ae6c04d)
-- to: new.yaml (fingerprint 9b6df9aea2be110d)

SET SESSION foreign_key_checks = 0;

START TRANSACTION;

-- table rebuild: copy the rows of customer aside
CREATE TABLE `sc-old-1` AS SELECT id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id FROM customer;

-- table rebuild: copy the rows of order aside
CREATE TABLE `sc-old-2` AS SELECT id, customer_id, status, placed_at, note FROM `order`;

-- table rebuild: drop table order (its rows are copied aside)
DROP TABLE `order`;

-- table rebuild: drop table customer (its rows are copied aside)
DROP TABLE customer;

-- table rebuild: create the rebuilt table customer from the new schema
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
    CONSTRAINT customer_pkey PRIMARY KEY (id),
    CONSTRAINT uq_customer_public_id UNIQUE (public_id),
    CONSTRAINT customer_email_key UNIQUE (email),
    CONSTRAINT customer_email_check CHECK (CHAR_LENGTH(email) <= 254),
    CONSTRAINT ck_customer_email_pattern CHECK (email REGEXP '(?s-i)^[^@ ]+@[^@ ]+\\z'),
    CONSTRAINT ck_customer_email_nul CHECK (INSTR(email, CHAR(0)) = 0),
    CONSTRAINT ck_customer_name_min_length CHECK (CHAR_LENGTH(name) >= 1),
    CONSTRAINT ck_customer_name_max_length CHECK (CHAR_LENGTH(name) <= 100),
    CONSTRAINT ck_customer_name_nul CHECK (INSTR(name, CHAR(0)) = 0),
    CONSTRAINT ck_customer_balance_min CHECK (balance >= 0),
    CONSTRAINT ck_customer_is_active_boolean CHECK (is_active IN (0, 1)),
    CONSTRAINT fk_customer_referrer_id FOREIGN KEY (referrer_id) REFERENCES customer (id) ON DELETE SET NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A person who buys from the shop.';

-- table rebuild: create the rebuilt table order from the new schema
-- Not enforced by MariaDB: offset of placed_at: a value without an offset is read in a default zone
CREATE TABLE `order` (
    id BIGINT NOT NULL AUTO_INCREMENT,
    customer_id BIGINT NOT NULL,
    status VARCHAR(10) NOT NULL DEFAULT 'placed',
    placed_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    note LONGTEXT COMMENT 'Customer''s note to the packer.',
    CONSTRAINT pk_order PRIMARY KEY (id),
    CONSTRAINT order_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE RESTRICT,
    CONSTRAINT ck_order_status_enum CHECK (status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled')),
    CONSTRAINT ck_order_note_max_length CHECK (CHAR_LENGTH(note) <= 500),
    CONSTRAINT ck_order_note_nul CHECK (INSTR(note, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='One checkout of one customer.';

-- table rebuild: put the rows of customer back, converted
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM `sc-old-1` AS o;

-- table rebuild: put the rows of order back, converted
INSERT INTO `order` (id, customer_id, status, placed_at, note)
SELECT o.id, o.customer_id, o.status, o.placed_at, o.note FROM `sc-old-2` AS o;

-- in place: create index ix_customer_name
CREATE INDEX ix_customer_name ON customer (name);

-- in place: create index ix_order_customer_id_placed_at
CREATE INDEX ix_order_customer_id_placed_at ON `order` (customer_id, placed_at);

-- table rebuild: drop the copy of customer's old rows
DROP TABLE `sc-old-1`;

-- table rebuild: drop the copy of order's old rows
DROP TABLE `sc-old-2`;

COMMIT;

SET SESSION foreign_key_checks = 1;
