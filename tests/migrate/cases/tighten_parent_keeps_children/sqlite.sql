-- schemacog migration for sqlite
-- from: old.yaml (fingerprint b0fbea685824d113)
-- to: new.yaml (fingerprint 58961b3211899b2a)

PRAGMA foreign_keys = OFF;

-- data check: customer.name: max_length (length(name) <= 60): no existing row may break it
SELECT json_extract('{}', 'schemacog data check failed: ' || CAST(c.n AS TEXT) || ' row(s) break customer.name: max_length') FROM (SELECT count(*) AS n FROM (SELECT id AS id, public_id AS public_id, email AS email, name AS name, balance AS balance, birth_date AS birth_date, is_active AS is_active, created_at AS created_at, referrer_id AS referrer_id FROM customer) AS s WHERE NOT (length(name) <= 60)) AS c WHERE c.n > 0;

BEGIN;

-- table rebuild: copy the rows of customer aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id FROM customer;

-- table rebuild: drop table customer (its rows are copied aside)
DROP TABLE customer;

-- table rebuild: create the rebuilt table customer from the new schema
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
    name TEXT NOT NULL CONSTRAINT ck_customer_name_min_length CHECK (length(name) >= 1) CONSTRAINT ck_customer_name_max_length CHECK (length(name) <= 60) CONSTRAINT ck_customer_name_nul CHECK (instr(name, char(0)) = 0),
    -- Store credit.
    balance NUMERIC(12,2) NOT NULL DEFAULT 0 CONSTRAINT ck_customer_balance_min CHECK (balance >= 0) CONSTRAINT ck_customer_balance_precision CHECK (abs(balance) < 10000000000) CONSTRAINT ck_customer_balance_scale CHECK (balance = round(balance, 2)) CONSTRAINT ck_customer_balance_finite CHECK (typeof(balance) IN ('integer', 'real', 'null')),
    birth_date DATE,
    is_active INTEGER NOT NULL DEFAULT TRUE CONSTRAINT ck_customer_is_active_boolean CHECK (is_active IN (0, 1)),
    created_at TIMESTAMPTZ NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CONSTRAINT ck_customer_created_at_instant CHECK (created_at IS NULL OR coalesce(julianday(created_at), 0) >= 1721425.5),
    -- The customer who recommended the shop.
    referrer_id INTEGER CONSTRAINT fk_customer_referrer_id REFERENCES customer (id) ON DELETE SET NULL
);

-- table rebuild: put the rows of customer back, converted
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o;

-- in place: create index ix_customer_name
CREATE INDEX ix_customer_name ON customer (name);

-- table rebuild: drop the copy of customer's old rows
DROP TABLE "sc-old-1";

COMMIT;

PRAGMA foreign_keys = ON;
