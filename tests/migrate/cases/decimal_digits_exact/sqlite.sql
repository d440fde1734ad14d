-- schemacog migration for sqlite
-- from: old.yaml (fingerprint 06950c81c6b34e4f)
-- to: new.yaml (fingerprint ad4ed859e98dc17a)

PRAGMA foreign_keys = OFF;

BEGIN;

-- table rebuild: copy the rows of account aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, balance FROM account;

-- table rebuild: drop table account (its rows are copied aside)
DROP TABLE account;

-- table rebuild: create the rebuilt table account from the new schema
CREATE TABLE account
-- Not enforced by SQLite: digits of balance: SQLite keeps 15 significant digits, so decimal(19, 2) is not checked
(
    id INTEGER NOT NULL CONSTRAINT pk_account PRIMARY KEY CONSTRAINT ck_account_id_min CHECK (id >= -2147483648) CONSTRAINT ck_account_id_max CHECK (id <= 2147483647),
    balance NUMERIC(19,2) NOT NULL CONSTRAINT ck_account_balance_finite CHECK (typeof(balance) IN ('integer', 'real', 'null'))
);

-- table rebuild: put the rows of account back, converted
INSERT INTO account (id, balance)
SELECT o.id, o.balance FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of account's old rows
DROP TABLE "sc-old-1";

COMMIT;

PRAGMA foreign_keys = ON;
