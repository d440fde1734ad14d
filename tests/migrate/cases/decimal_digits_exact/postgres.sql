-- schemacog migration for postgres
-- from: old.yaml (fingerprint d10b01224fb9c3f1)
-- to: new.yaml (fingerprint e1f3973f6ac3282a)

-- data check: account.balance: at most 17 digits before the point: no existing row may break it
DO $sc$ DECLARE n bigint; BEGIN SELECT c.n INTO n FROM (SELECT count(*) AS n FROM (SELECT id AS id, balance AS balance FROM account) AS s WHERE abs(balance) >= 100000000000000000) AS c; IF n > 0 THEN RAISE EXCEPTION '%', 'schemacog data check failed: ' || CAST(n AS TEXT) || ' row(s) break account.balance: at most 17 digits before the point'; END IF; END $sc$;

BEGIN;

-- table rebuild: copy the rows of account aside
CREATE TEMPORARY TABLE "sc-old-1" AS SELECT id, balance FROM account;

-- table rebuild: drop table account (its rows are copied aside)
DROP TABLE account;

-- table rebuild: create the rebuilt table account from the new schema
-- Not enforced by PostgreSQL: scale of balance: more than 2 decimal places are rounded
CREATE TABLE account (
    id integer NOT NULL CONSTRAINT pk_account PRIMARY KEY,
    balance numeric(19,2) NOT NULL CONSTRAINT ck_account_balance_finite CHECK (balance NOT IN ('NaN', 'Infinity', '-Infinity'))
);

-- table rebuild: put the rows of account back, converted
INSERT INTO account (id, balance)
SELECT o.id, CAST(o.balance AS numeric(19,2)) FROM "sc-old-1" AS o;

-- table rebuild: drop the copy of account's old rows
DROP TABLE "sc-old-1";

COMMIT;
