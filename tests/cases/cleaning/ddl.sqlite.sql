-- SQLite: foreign keys are enforced only with PRAGMA foreign_keys = ON.
-- SQLite: declared types are affinities; a value of another type is not rejected.
-- SQLite: decimal is NUMERIC (binary floating point beyond 15 digits).

CREATE TABLE reading
-- Not enforced by SQLite: pattern of code: ^[A-Z][A-Z0-9]*$
-- Not enforced by SQLite: NaN in ratio (the driver stores NaN as NULL)
-- Not enforced by SQLite: scale of amount: a value is compared as a double, so places past 15 significant digits are not seen
-- Not enforced by SQLite: offset of clock: a value with an offset is converted or loses it
-- Not enforced by SQLite: offset of local_at: a value with an offset is converted or loses it
-- Not enforced by SQLite: offset of seen_at: a value without an offset is read in a default zone
-- Not enforced by SQLite: JSON of meta: stores \u0000 and lone surrogates (\ud800) in its text, and arrays and objects nested deeper than 31
-- One raw reading.
(
    id INTEGER NOT NULL CONSTRAINT pk_reading PRIMARY KEY CONSTRAINT ck_reading_id_min CHECK (id >= -2147483648) CONSTRAINT ck_reading_id_max CHECK (id <= 2147483647),
    code TEXT NOT NULL CONSTRAINT uq_reading_code UNIQUE CONSTRAINT ck_reading_code_min_length CHECK (length(code) >= 2) CONSTRAINT ck_reading_code_max_length CHECK (length(code) <= 8) CONSTRAINT ck_reading_code_nul CHECK (instr(code, char(0)) = 0),
    note TEXT CONSTRAINT ck_reading_note_nul CHECK (instr(note, char(0)) = 0),
    small INTEGER CONSTRAINT ck_reading_small_min CHECK (small >= -100) CONSTRAINT ck_reading_small_max CHECK (small <= 100),
    big INTEGER,
    ratio REAL CONSTRAINT ck_reading_ratio_min CHECK (ratio >= 0.0) CONSTRAINT ck_reading_ratio_max CHECK (ratio <= 1.0) CONSTRAINT ck_reading_ratio_finite CHECK (ratio NOT IN (9e999, -9e999)),
    amount NUMERIC(8,2) NOT NULL DEFAULT 0 CONSTRAINT ck_reading_amount_min CHECK (amount >= 0) CONSTRAINT ck_reading_amount_precision CHECK (abs(amount) < 1000000) CONSTRAINT ck_reading_amount_scale CHECK (amount = round(amount, 2)) CONSTRAINT ck_reading_amount_finite CHECK (typeof(amount) IN ('integer', 'real', 'null')),
    flag INTEGER NOT NULL DEFAULT FALSE CONSTRAINT ck_reading_flag_boolean CHECK (flag IN (0, 1)),
    day DATE,
    clock TIME,
    local_at TIMESTAMP,
    seen_at TIMESTAMPTZ CONSTRAINT ck_reading_seen_at_instant CHECK (seen_at IS NULL OR coalesce(julianday(seen_at), 0) >= 1721425.5),
    ref UUID,
    meta TEXT CONSTRAINT ck_reading_meta_json CHECK (meta IS NULL OR json_valid(meta)),
    blob BLOB,
    status TEXT NOT NULL DEFAULT 'placed' CONSTRAINT ck_reading_status_enum CHECK (status IN ('placed', 'shipped', 'in-progress')),
    site TEXT CONSTRAINT ck_reading_site_max_length CHECK (length(site) <= 10) CONSTRAINT ck_reading_site_nul CHECK (instr(site, char(0)) = 0),
    -- A keyword as a column name.
    "from" INTEGER CONSTRAINT ck_reading_from_min CHECK ("from" >= -32768) CONSTRAINT ck_reading_from_max CHECK ("from" <= 32767),
    CONSTRAINT uq_reading_site_day UNIQUE (site, day)
);

CREATE TABLE line
-- Not enforced by SQLite: scale of value: a value is compared as a double, so places past 15 significant digits are not seen
-- A reading's line; the key has two columns.
(
    reading_id INTEGER NOT NULL CONSTRAINT ck_line_reading_id_min CHECK (reading_id >= -2147483648) CONSTRAINT ck_line_reading_id_max CHECK (reading_id <= 2147483647) CONSTRAINT fk_line_reading_id REFERENCES reading (id),
    line_no INTEGER NOT NULL CONSTRAINT ck_line_line_no_min CHECK (line_no >= 1) CONSTRAINT ck_line_line_no_max CHECK (line_no <= 32767),
    value NUMERIC(6,3) CONSTRAINT ck_line_value_precision CHECK (abs(value) < 1000) CONSTRAINT ck_line_value_scale CHECK (value = round(value, 3)) CONSTRAINT ck_line_value_finite CHECK (typeof(value) IN ('integer', 'real', 'null')),
    CONSTRAINT pk_line PRIMARY KEY (reading_id, line_no)
);
