-- DuckDB: constraint names are not kept (its errors show the expression).

CREATE TYPE status AS ENUM ('placed', 'shipped', 'in-progress');
COMMENT ON TYPE status IS 'Where a reading is in review.';

-- Not enforced by DuckDB: scale of amount: more than 2 decimal places are rounded
-- Not enforced by DuckDB: offset of clock: a value with an offset is converted or loses it
-- Not enforced by DuckDB: offset of local_at: a value with an offset is converted or loses it
-- Not enforced by DuckDB: offset of seen_at: a value without an offset is read in a default zone
-- Not enforced by DuckDB: JSON of meta: stores NaN, Infinity and \u0000 in its text, and arrays and objects nested deeper than 31
CREATE TABLE reading (
    id INTEGER NOT NULL CONSTRAINT pk_reading PRIMARY KEY,
    code VARCHAR NOT NULL CONSTRAINT uq_reading_code UNIQUE CONSTRAINT ck_reading_code_min_length CHECK (length(code) >= 2) CONSTRAINT ck_reading_code_max_length CHECK (length(code) <= 8) CONSTRAINT ck_reading_code_pattern CHECK (regexp_matches(code, '^[A-Z][A-Z0-9]*$', 's')) CONSTRAINT ck_reading_code_nul CHECK (NOT contains(code, chr(0))),
    note VARCHAR CONSTRAINT ck_reading_note_nul CHECK (NOT contains(note, chr(0))),
    small SMALLINT CONSTRAINT ck_reading_small_min CHECK (small >= -100) CONSTRAINT ck_reading_small_max CHECK (small <= 100),
    big BIGINT,
    ratio DOUBLE CONSTRAINT ck_reading_ratio_min CHECK (ratio >= 0.0) CONSTRAINT ck_reading_ratio_max CHECK (ratio <= 1.0) CONSTRAINT ck_reading_ratio_finite CHECK (isfinite(ratio)),
    amount DECIMAL(8,2) NOT NULL DEFAULT 0 CONSTRAINT ck_reading_amount_min CHECK (amount >= 0),
    flag BOOLEAN NOT NULL DEFAULT FALSE,
    day DATE,
    clock TIME,
    local_at TIMESTAMP,
    seen_at TIMESTAMPTZ CONSTRAINT ck_reading_seen_at_instant CHECK (seen_at >= '0001-01-01 00:00:00+00:00' AND seen_at <= '9999-12-31 23:59:59.999999+00:00'),
    ref UUID,
    meta JSON,
    blob BLOB,
    status status NOT NULL DEFAULT 'placed',
    site VARCHAR CONSTRAINT ck_reading_site_max_length CHECK (length(site) <= 10) CONSTRAINT ck_reading_site_nul CHECK (NOT contains(site, chr(0))),
    "from" SMALLINT,
    CONSTRAINT uq_reading_site_day UNIQUE (site, day)
);
COMMENT ON TABLE reading IS 'One raw reading.';
COMMENT ON COLUMN reading."from" IS 'A keyword as a column name.';

-- Not enforced by DuckDB: scale of value: more than 3 decimal places are rounded
CREATE TABLE line (
    reading_id INTEGER NOT NULL CONSTRAINT fk_line_reading_id REFERENCES reading (id),
    line_no SMALLINT NOT NULL CONSTRAINT ck_line_line_no_min CHECK (line_no >= 1),
    value DECIMAL(6,3),
    CONSTRAINT pk_line PRIMARY KEY (reading_id, line_no)
);
COMMENT ON TABLE line IS 'A reading''s line; the key has two columns.';
