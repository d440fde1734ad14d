-- MariaDB: timestamptz columns are DATETIME(6) holding UTC; convert before writing.
-- MariaDB: the rules here hold in strict mode (STRICT_TRANS_TABLES, the default), and literals double their backslashes (not for sql_mode NO_BACKSLASH_ESCAPES).
-- MariaDB: a statement over max_allowed_packet (16 MiB by default) is refused, and with it any longer value.

-- Not enforced by MariaDB: JSON of json: stores \u0000 in its text
-- Not enforced by MariaDB: offset of datetime: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of t: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of tz: a value without an offset is read in a default zone
-- Not enforced by MariaDB: scale of amount: more than 2 decimal places are rounded
CREATE TABLE class (
    id INT NOT NULL AUTO_INCREMENT,
    def VARCHAR(11) NOT NULL DEFAULT 'abc',
    json JSON DEFAULT '{"a":[1,2.5,true,null,"x"]}',
    schema LONGTEXT,
    model_x DOUBLE NOT NULL DEFAULT 0.5,
    date DATE NOT NULL DEFAULT '2024-02-29',
    datetime DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    t TIME(6) NOT NULL DEFAULT '23:59:59.999999',
    tz DATETIME(6) NOT NULL DEFAULT '2023-12-31 18:30:00',
    u UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    b LONGBLOB NOT NULL DEFAULT X'68656C6C6F',
    flag BOOLEAN NOT NULL DEFAULT FALSE,
    amount DECIMAL(5,2) NOT NULL DEFAULT -0.5,
    small SMALLINT NOT NULL DEFAULT 16,
    big BIGINT NOT NULL DEFAULT 9223372036854775807,
    lvl VARCHAR(12) NOT NULL DEFAULT 'in-progress',
    answer VARCHAR(4),
    CONSTRAINT uq_class_def_lvl UNIQUE (def, lvl),
    CONSTRAINT pk_class PRIMARY KEY (id),
    CONSTRAINT ck_class_def_min_length CHECK (CHAR_LENGTH(def) >= 2),
    CONSTRAINT ck_class_def_max_length CHECK (CHAR_LENGTH(def) <= 10),
    CONSTRAINT ck_class_def_pattern CHECK (def REGEXP '(?s-i)^[a-z]{2,10}\\z'),
    CONSTRAINT ck_class_def_nul CHECK (INSTR(def, CHAR(0)) = 0),
    CONSTRAINT ck_class_schema_nul CHECK (INSTR(schema, CHAR(0)) = 0),
    CONSTRAINT ck_class_model_x_min CHECK (model_x >= -1.5),
    CONSTRAINT ck_class_model_x_max CHECK (model_x <= 1000.0),
    CONSTRAINT ck_class_flag_boolean CHECK (flag IN (0, 1)),
    CONSTRAINT ck_class_amount_min CHECK (amount >= -999.99),
    CONSTRAINT ck_class_amount_max CHECK (amount <= 999),
    CONSTRAINT ck_class_small_min CHECK (small >= -32768),
    CONSTRAINT ck_class_small_max CHECK (small <= 32767),
    CONSTRAINT ck_class_lvl_enum CHECK (lvl IN ('low', 'in-progress', '2nd')),
    CONSTRAINT ck_class_answer_enum CHECK (answer IN ('yes', 'no', 'on'))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A table named like a Python keyword.';
CREATE INDEX ix_class_date ON class (date, lvl);
CREATE UNIQUE INDEX ux_class_small ON class (small);

-- Not enforced by MariaDB: ON DELETE SET DEFAULT of (def, lvl) -> class: not supported, NO ACTION instead
CREATE TABLE child (
    parent_id INT,
    def VARCHAR(11) NOT NULL DEFAULT 'xy',
    lvl VARCHAR(12) NOT NULL DEFAULT 'low',
    seq SMALLINT NOT NULL,
    CONSTRAINT fk_child_lvl_def FOREIGN KEY (def, lvl) REFERENCES class (def, lvl),
    CONSTRAINT fk_child_parent_id FOREIGN KEY (parent_id) REFERENCES class (id) ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT ck_child_def_max_length CHECK (CHAR_LENGTH(def) <= 10),
    CONSTRAINT ck_child_def_nul CHECK (INSTR(def, CHAR(0)) = 0),
    CONSTRAINT ck_child_lvl_enum CHECK (lvl IN ('low', 'in-progress', '2nd')),
    CONSTRAINT pk_child PRIMARY KEY (seq)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin;
