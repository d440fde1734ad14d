-- schemacog migration for sqlite
-- from: old.yaml (fingerprint b0fbea685824d113)
-- to: new.yaml (fingerprint fb65e4bbe478b8fc)

PRAGMA foreign_keys = OFF;

BEGIN;

-- table rebuild: copy the rows of customer aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id FROM customer;

-- table rebuild: copy the rows of order aside
CREATE TEMPORARY TABLE "sc-old-2" AS SELECT id, customer_id, status, placed_at, note FROM "order";

-- table rebuild: drop table order (its rows are copied aside)
DROP TABLE "order";

-- table rebuild: drop table customer (its rows are copied aside)
DROP TABLE customer;

-- table rebuild: create the rebuilt table customer from the new schema
CREATE TABLE customer
-- Not enforced by SQLite: pattern of email: ^[^@ ]+@[^@ ]+$
-- Not enforced by SQLite: scale of balance: a value is compared as a double, so places past 15 significant digits are not seen
-- Not enforced by SQLite: offset of created_at: a value without an offset is read in a default zone
-- A person who buys from the shop.
(
    id INTEGER NOT NULL CONSTRAINT customer_pkey PRIMARY KEY,
    -- Identifier shown in URLs and emails.
    public_id UUID NOT NULL CONSTRAINT uq_customer_public_id UNIQUE,
    email TEXT NOT NULL CONSTRAINT customer_email_key UNIQUE CONSTRAINT customer_email_check CHECK (length(email) <= 254) CONSTRAINT ck_customer_email_nul CHECK (instr(email, char(0)) = 0),
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

-- table rebuild: create the rebuilt table order from the new schema
CREATE TABLE "order"
-- Not enforced by SQLite: offset of placed_at: a value without an offset is read in a default zone
-- One checkout of one customer.
(
    id INTEGER NOT NULL CONSTRAINT pk_order PRIMARY KEY,
    customer_id INTEGER NOT NULL CONSTRAINT order_customer_id_fkey REFERENCES customer (id) ON DELETE RESTRICT,
    status TEXT NOT NULL DEFAULT 'placed' CONSTRAINT ck_order_status_enum CHECK (status IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled')),
    placed_at TIMESTAMPTZ NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) CONSTRAINT ck_order_placed_at_instant CHECK (placed_at IS NULL OR coalesce(julianday(placed_at), 0) >= 1721425.5),
    -- Customer's note to the packer.
    note TEXT CONSTRAINT ck_order_note_max_length CHECK (length(note) <= 500) CONSTRAINT ck_order_note_nul CHECK (instr(note, char(0)) = 0)
);

-- table rebuild: put the rows of customer back, converted
INSERT INTO customer (id, public_id, email, name, balance, birth_date, is_active, created_at, referrer_id)
SELECT o.id, o.public_id, o.email, o.name, o.balance, o.birth_date, o.is_active, o.created_at, o.referrer_id FROM "sc-old-1" AS o;

-- table rebuild: put the rows of order back, converted
INSERT INTO "order" (id, customer_id, status, placed_at, note)
SELECT o.id, o.customer_id, o.status, o.placed_at, o.note FROM "sc-old-2" AS o;

-- in place: create index ix_customer_name
CREATE INDEX ix_customer_name ON customer (name);

-- in place: create index ix_order_customer_id_placed_at
CREATE INDEX ix_order_customer_id_placed_at ON "order" (customer_id, placed_at);

-- table rebuild: drop the copy of customer's old rows
DROP TABLE "sc-old-1";

-- table rebuild: drop the copy of order's old rows
DROP TABLE "sc-old-2";

COMMIT;

PRAGMA foreign_keys = ON;
