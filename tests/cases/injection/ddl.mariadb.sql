-- MariaDB: timestamptz columns are DATETIME(6) holding UTC; convert before writing.
-- MariaDB: the rules here hold in strict mode (STRICT_TRANS_TABLES, the default), and literals double their backslashes (not for sql_mode NO_BACKSLASH_ESCAPES).
-- MariaDB: a statement over max_allowed_packet (16 MiB by default) is refused, and with it any longer value.

-- Not enforced by MariaDB: JSON of json: stores \u0000 in its text
-- Not enforced by MariaDB: offset of datetime: a value without an offset is read in a default zone
CREATE TABLE `select` (
    `from` BIGINT NOT NULL COMMENT '*/ DROP TABLE users; --',
    class VARCHAR(41) NOT NULL DEFAULT 'O''Brien "the" \\ one' COMMENT '|pipe| and <script>alert(1)</script>',
    json JSON DEFAULT '{"k''":["\\"","\\\\","\\n"]}',
    schema LONGTEXT COMMENT 'No quotes, no backslashes.',
    model_config VARCHAR(11) NOT NULL DEFAULT 'it''s',
    date DATE,
    datetime DATETIME(6),
    _id INT COMMENT 'Leading underscore: # not a heading
second line',
    Mixed BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT pk_select PRIMARY KEY (`from`),
    CONSTRAINT ck_select_class_max_length CHECK (CHAR_LENGTH(class) <= 40),
    CONSTRAINT ck_select_class_nul CHECK (INSTR(class, CHAR(0)) = 0),
    CONSTRAINT ck_select_schema_max_length CHECK (CHAR_LENGTH(schema) <= 10000),
    CONSTRAINT ck_select_schema_pattern CHECK (schema REGEXP '(?s-i)^[^''"\\\\]*\\z'),
    CONSTRAINT ck_select_schema_nul CHECK (INSTR(schema, CHAR(0)) = 0),
    CONSTRAINT ck_select_model_config_enum CHECK (model_config IN ('it''s', 'say "hi"', 'back\\slash', 'with space', 'ünïcödé', '--x--')),
    CONSTRAINT ck_select_Mixed_boolean CHECK (Mixed IN (0, 1))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A table named like a keyword; description with '''''' and """ and \\n literal';

CREATE TABLE user (
    `key` VARCHAR(11) NOT NULL,
    `group` BIGINT NOT NULL,
    `order` SMALLINT NOT NULL DEFAULT 0,
    CONSTRAINT pk_user PRIMARY KEY (`key`),
    CONSTRAINT ck_user_key_max_length CHECK (CHAR_LENGTH(`key`) <= 10),
    CONSTRAINT ck_user_key_nul CHECK (INSTR(`key`, CHAR(0)) = 0),
    CONSTRAINT fk_user_group FOREIGN KEY (`group`) REFERENCES `select` (`from`) ON DELETE CASCADE,
    CONSTRAINT ck_user_order_min CHECK (`order` >= -5),
    CONSTRAINT ck_user_order_max CHECK (`order` <= 5)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='Another keyword.';
