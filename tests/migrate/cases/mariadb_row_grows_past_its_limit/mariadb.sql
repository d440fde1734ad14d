-- schemacog migration for mariadb
-- from: old.yaml (fingerprint 2f4a62eba7d39c06)
-- to: new.yaml (fingerprint da92da4f12e3389e)

SET SESSION foreign_key_checks = 0;

START TRANSACTION;

-- table rebuild: copy the rows of wide aside
CREATE TABLE `sc-old-1` AS SELECT id, a, b, c, d FROM wide;

-- table rebuild: drop table wide (its rows are copied aside)
DROP TABLE wide;

-- table rebuild: create the rebuilt table wide from the new schema
CREATE TABLE wide (
    id INT NOT NULL,
    a LONGTEXT,
    b VARCHAR(4001),
    c VARCHAR(4001),
    d VARCHAR(4001),
    e VARCHAR(4001),
    CONSTRAINT pk_wide PRIMARY KEY (id),
    CONSTRAINT ck_wide_a_max_length CHECK (CHAR_LENGTH(a) <= 4000),
    CONSTRAINT ck_wide_a_nul CHECK (INSTR(a, CHAR(0)) = 0),
    CONSTRAINT ck_wide_b_max_length CHECK (CHAR_LENGTH(b) <= 4000),
    CONSTRAINT ck_wide_b_nul CHECK (INSTR(b, CHAR(0)) = 0),
    CONSTRAINT ck_wide_c_max_length CHECK (CHAR_LENGTH(c) <= 4000),
    CONSTRAINT ck_wide_c_nul CHECK (INSTR(c, CHAR(0)) = 0),
    CONSTRAINT ck_wide_d_max_length CHECK (CHAR_LENGTH(d) <= 4000),
    CONSTRAINT ck_wide_d_nul CHECK (INSTR(d, CHAR(0)) = 0),
    CONSTRAINT ck_wide_e_max_length CHECK (CHAR_LENGTH(e) <= 4000),
    CONSTRAINT ck_wide_e_nul CHECK (INSTR(e, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;

-- table rebuild: put the rows of wide back, converted
INSERT INTO wide (id, a, b, c, d)
SELECT o.id, o.a, o.b, o.c, o.d FROM `sc-old-1` AS o;

-- table rebuild: drop the copy of wide's old rows
DROP TABLE `sc-old-1`;

COMMIT;

SET SESSION foreign_key_checks = 1;
