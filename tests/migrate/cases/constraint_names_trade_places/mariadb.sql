-- schemacog migration for mariadb
-- from: old.yaml (fingerprint 3e01f851606070d0)
-- to: new.yaml (fingerprint 2ac3835ecc756361)

SET SESSION foreign_key_checks = 0;

START TRANSACTION;

-- table rebuild: copy the rows of t aside
CREATE TABLE `sc-old-1` AS SELECT id, c, d FROM t;

-- table rebuild: drop table t (its rows are copied aside)
DROP TABLE t;

-- table rebuild: create the rebuilt table t from the new schema
CREATE TABLE t (
    id INT NOT NULL,
    c INT NOT NULL,
    d INT NOT NULL,
    CONSTRAINT pk_t PRIMARY KEY (id),
    CONSTRAINT name_b UNIQUE (c),
    CONSTRAINT name_a UNIQUE (d)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- table rebuild: put the rows of t back, converted
INSERT INTO t (id, c, d)
SELECT o.id, o.c, o.d FROM `sc-old-1` AS o;

-- table rebuild: drop the copy of t's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
