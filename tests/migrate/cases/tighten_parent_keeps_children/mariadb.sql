-- schemacog migration for mariadb
-- from: old.yaml (fingerprint e6e660057ae6c04d)
-- to: new.yaml (fingerprint bfff76f9210b1b0d)

SET SESSION foreign_key_checks = 0;

-- data check: a table whose key refuses a failed check's message twice (its error says it)
CREATE TEMPORARY TABLE `sc-check` (message VARCHAR(700) PRIMARY KEY);

-- data check: customer.name: max_length (CHAR_LENGTH(name) <= 60): no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break customer.name: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, public_id AS public_id, email AS email, name AS name, balance AS balance, birth_date AS birth_date, is_active AS is_active, created_at AS created_at, referrer_id AS referrer_id FROM customer) AS s WHERE NOT (CHAR_LENGTH(name) <= 60)) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: drop it
DROP TEMPORARY TABLE `sc-check`;

START TRANSACTION;

-- table rebuild: copy the rows of customer aside
CREATE TABLE `sc-old-1` AS SELECT id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id FROM customer;

-- table rebuild: drop table customer (its rows are copied aside)
DROP TABLE customer;

-- table rebuild: create the rebuilt table customer from the new schema
-- Not enforced by MariaDB: scale of balance: more than 2 decimal places are rounded
-- Not enforced by MariaDB: offset of created_at: a value without an offset is read in a default zone
CREATE TABLE customer (
    id BIGINT NOT NULL AUTO_INCREMENT,
    public_id UUID NOT NULL COMMENT 'Identifier shown in URLs and emails.',
    email VARCHAR(255) NOT NULL,
    name VARCHAR(61) NOT NULL COMMENT 'Full name.',
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
    CONSTRAINT ck_customer_name_max_length CHECK (CHAR_LENGTH(name) <= 60),
    CONSTRAINT ck_customer_name_nul CHECK (INSTR(name, CHAR(0)) = 0),
    CONSTRAINT ck_customer_balance_min CHECK (balance >= 0),
    CONSTRAINT ck_customer_is_active_boolean CHECK (is_active IN (0, 1)),
    CONSTRAINT fk_customer_referrer_id FOREIGN KEY (referrer_id) REFERENCES customer (id) ON DELETE SET NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A person who buys from the shop.';

-- table rebuild: put the rows of customer back, converted
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM `sc-old-1` AS o;

-- in place: create index ix_customer_name
CREATE INDEX ix_customer_name ON customer (name);

-- table rebuild: drop the copy of customer's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
