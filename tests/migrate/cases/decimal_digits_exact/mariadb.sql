-- schemacog migration for mariadb
-- from: old.yaml (fingerprint 0c5b636666c28a7c)
-- to: new.yaml (fingerprint 6747db526869bbf0)

SET SESSION foreign_key_checks = 0;

-- data check: a table whose key refuses a failed check's message twice (its error says it)
CREATE TEMPORARY TABLE `sc-check` (message VARCHAR(700) PRIMARY KEY);

-- data check: account.balance: at most 17 digits before the point: no existing row may break it
INSERT INTO `sc-check` SELECT CONCAT(CONCAT('schemacog data check failed: ', CAST(c.n AS CHAR)), ' row(s) break account.balance: at most 17 digits before the point') FROM (SELECT count(*) AS n FROM (SELECT id AS id, balance AS balance FROM account) AS s WHERE abs(balance) >= 100000000000000000) AS c CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2) AS twice WHERE c.n > 0;

-- data check: drop it
DROP TEMPORARY TABLE `sc-check`;

START TRANSACTION;

-- table rebuild: copy the rows of account aside
CREATE TABLE `sc-old-1` AS SELECT id, balance FROM account;

-- table rebuild: drop table account (its rows are copied aside)
DROP TABLE account;

-- table rebuild: create the rebuilt table account from the new schema
-- Not enforced by MariaDB: scale of balance: more than 2 decimal places are rounded
CREATE TABLE account (
    id INT NOT NULL,
    balance DECIMAL(19,2) NOT NULL,
    CONSTRAINT pk_account PRIMARY KEY (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- table rebuild: put the rows of account back, converted
INSERT INTO account (id, balance)
SELECT o.id, o.balance FROM `sc-old-1` AS o;

-- table rebuild: drop the copy of account's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
