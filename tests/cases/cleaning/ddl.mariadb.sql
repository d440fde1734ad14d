-- MariaDB: timestamptz columns are DATETIME(6) holding UTC; convert before writing.
-- MariaDB: the rules here hold in strict mode (STRICT_TRANS_TABLES, the default).
-- MariaDB: a statement over max_allowed_packet (16 MiB by default) is refused, and with it any longer value.

-- Not enforced by MariaDB: scale of amount: more than 2 decimal places are rounded
-- Not enforced by MariaDB: offset of clock: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of local_at: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of seen_at: a value without an offset is read in a default zone
-- Not enforced by MariaDB: JSON of meta: stores \u0000 in its text
CREATE TABLE reading (
    id INT NOT NULL PRIMARY KEY,
    code VARCHAR(9) NOT NULL UNIQUE CHECK ((CHAR_LENGTH(code) >= 2) AND (CHAR_LENGTH(code) <= 8) AND (code REGEXP '(?s-i)^[A-Z][A-Z0-9]*\\z') AND (INSTR(code, CHAR(0)) = 0)),
    note LONGTEXT CHECK (INSTR(note, CHAR(0)) = 0),
    small SMALLINT CHECK ((small >= -100) AND (small <= 100)),
    big BIGINT,
    ratio DOUBLE CHECK ((ratio >= 0.0) AND (ratio <= 1.0)),
    amount DECIMAL(8,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    flag BOOLEAN NOT NULL DEFAULT FALSE CHECK (flag IN (0, 1)),
    day DATE,
    clock TIME(6),
    local_at DATETIME(6),
    seen_at DATETIME(6),
    ref UUID,
    meta JSON,
    `blob` LONGBLOB,
    status VARCHAR(12) NOT NULL DEFAULT 'placed' CHECK (status IN ('placed', 'shipped', 'in-progress')),
    site VARCHAR(11) CHECK ((CHAR_LENGTH(site) <= 10) AND (INSTR(site, CHAR(0)) = 0)),
    `from` SMALLINT COMMENT 'A keyword as a column name.',
    UNIQUE (site, day)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='One raw reading.';

-- Not enforced by MariaDB: scale of value: more than 3 decimal places are rounded
CREATE TABLE line (
    reading_id INT NOT NULL REFERENCES reading (id),
    line_no SMALLINT NOT NULL CHECK (line_no >= 1),
    value DECIMAL(6,3),
    PRIMARY KEY (reading_id, line_no)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A reading''s line; the key has two columns.';
