-- MariaDB: timestamptz columns are DATETIME(6) holding UTC; convert before writing.
-- MariaDB: the rules here hold in strict mode (STRICT_TRANS_TABLES, the default).
-- MariaDB: a statement over max_allowed_packet (16 MiB by default) is refused, and with it any longer value.

-- Not enforced by MariaDB: JSON of json: stores \u0000 in its text
-- Not enforced by MariaDB: offset of datetime: a value without an offset is read in a default zone
CREATE TABLE `select` (
    `from` BIGINT NOT NULL PRIMARY KEY COMMENT '*/ DROP TABLE users; --',
    class VARCHAR(41) NOT NULL DEFAULT 'O''Brien "the" \\ one' COMMENT '|pipe| and <script>alert(1)</script>' CHECK ((CHAR_LENGTH(class) <= 40) AND (INSTR(class, CHAR(0)) = 0)),
    json JSON DEFAULT '{"k''":["\\"","\\\\","\\n"]}',
    schema LONGTEXT COMMENT 'No quotes, no backslashes.' CHECK ((schema REGEXP '(?s-i)^[^''"\\\\]*\\z') AND (INSTR(schema, CHAR(0)) = 0)),
    model_config VARCHAR(11) NOT NULL DEFAULT 'it''s' CHECK (model_config IN ('it''s', 'say "hi"', 'back\\slash', 'with space', 'ünïcödé', '--x--')),
    date DATE,
    datetime DATETIME(6),
    _id INT COMMENT 'Leading underscore: # not a heading
second line',
    Mixed BOOLEAN NOT NULL DEFAULT FALSE CHECK (Mixed IN (0, 1))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A table named like a keyword; description with '''''' and """ and \\n literal';

CREATE TABLE user (
    `key` VARCHAR(11) NOT NULL PRIMARY KEY CHECK ((CHAR_LENGTH(`key`) <= 10) AND (INSTR(`key`, CHAR(0)) = 0)),
    `group` BIGINT NOT NULL REFERENCES `select` (`from`) ON DELETE CASCADE,
    `order` SMALLINT NOT NULL DEFAULT 0 CHECK ((`order` >= -5) AND (`order` <= 5))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='Another keyword.';
