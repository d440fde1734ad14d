-- MariaDB: timestamptz columns are DATETIME(6) holding UTC; convert before writing.
-- MariaDB: the rules here hold in strict mode (STRICT_TRANS_TABLES, the default), and literals double their backslashes (not for sql_mode NO_BACKSLASH_ESCAPES).
-- MariaDB: a statement over max_allowed_packet (16 MiB by default) is refused, and with it any longer value.

-- Not enforced by MariaDB: scale of amount: more than 2 decimal places are rounded
-- Not enforced by MariaDB: offset of clock: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of local_at: a value with an offset is converted or loses it
-- Not enforced by MariaDB: offset of seen_at: a value without an offset is read in a default zone
-- Not enforced by MariaDB: JSON of meta: stores \u0000 in its text
CREATE TABLE reading (
    id INT NOT NULL,
    code VARCHAR(9) NOT NULL,
    note LONGTEXT,
    small SMALLINT,
    big BIGINT,
    ratio DOUBLE,
    amount DECIMAL(8,2) NOT NULL DEFAULT 0,
    flag BOOLEAN NOT NULL DEFAULT FALSE,
    day DATE,
    clock TIME(6),
    local_at DATETIME(6),
    seen_at DATETIME(6),
    ref UUID,
    meta JSON,
    `blob` LONGBLOB,
    status VARCHAR(12) NOT NULL DEFAULT 'placed',
    site VARCHAR(11),
    `from` SMALLINT COMMENT 'A keyword as a column name.',
    CONSTRAINT uq_reading_site_day UNIQUE (site, day),
    CONSTRAINT pk_reading PRIMARY KEY (id),
    CONSTRAINT uq_reading_code UNIQUE (code),
    CONSTRAINT ck_reading_code_min_length CHECK (CHAR_LENGTH(code) >= 2),
    CONSTRAINT ck_reading_code_max_length CHECK (CHAR_LENGTH(code) <= 8),
    CONSTRAINT ck_reading_code_pattern CHECK (code REGEXP '(?s-i)^[A-Z][A-Z0-9]*\\z'),
    CONSTRAINT ck_reading_code_nul CHECK (INSTR(code, CHAR(0)) = 0),
    CONSTRAINT ck_reading_note_nul CHECK (INSTR(note, CHAR(0)) = 0),
    CONSTRAINT ck_reading_small_min CHECK (small >= -100),
    CONSTRAINT ck_reading_small_max CHECK (small <= 100),
    CONSTRAINT ck_reading_ratio_min CHECK (ratio >= 0.0),
    CONSTRAINT ck_reading_ratio_max CHECK (ratio <= 1.0),
    CONSTRAINT ck_reading_amount_min CHECK (amount >= 0),
    CONSTRAINT ck_reading_flag_boolean CHECK (flag IN (0, 1)),
    CONSTRAINT ck_reading_status_enum CHECK (status IN ('placed', 'shipped', 'in-progress')),
    CONSTRAINT ck_reading_site_max_length CHECK (CHAR_LENGTH(site) <= 10),
    CONSTRAINT ck_reading_site_nul CHECK (INSTR(site, CHAR(0)) = 0)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='One raw reading.';

-- Not enforced by MariaDB: scale of value: more than 3 decimal places are rounded
CREATE TABLE line (
    reading_id INT NOT NULL,
    line_no SMALLINT NOT NULL,
    value DECIMAL(6,3),
    CONSTRAINT pk_line PRIMARY KEY (reading_id, line_no),
    CONSTRAINT fk_line_reading_id FOREIGN KEY (reading_id) REFERENCES reading (id),
    CONSTRAINT ck_line_line_no_min CHECK (line_no >= 1)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin COMMENT='A reading''s line; the key has two columns.';
