-- schemacog migration for duckdb
-- from: old.yaml (fingerprint 886ae50ee735d189)
-- to: new.yaml (fingerprint f57a9f2ffc9d74dc)

-- data check: account.balance: at most 17 digits before the point: no existing row may break it
SELECT error('schemacog data check failed: ' || CAST(c.n AS VARCHAR) || ' row(s) break account.balance: at most 17 digits before the point') FROM (SELECT count(*) AS n FROM (SELECT id AS id, balance AS balance FROM account) AS s WHERE abs(balance) >= 100000000000000000) AS c WHERE c.n > 0;

BEGIN TRANSACTION;

-- table rebuild: copy the rows of account aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, balance FROM account;

-- table rebuild: drop table account (its rows are copied aside)
DROP TABLE account;

-- table rebuild: create the rebuilt table account from the new schema
-- Not enforced by DuckDB: scale of balance: more than 2 decimal places are rounded
CREATE TABLE account (
    id INTEGER NOT NULL CONSTRAINT pk_account PRIMARY KEY,
    balance DECIMAL(19,2) NOT NULL
);

-- table rebuild: put the rows of account back, converted
INSERT INTO account (id, balance)
SELECT o.id, CAST(o.balance AS DECIMAL(19,2)) FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of account's old rows
DROP TABLE "sc-old-1";

COMMIT;
