CREATE TYPE status AS ENUM ('placed', 'shipped', 'in-progress');
COMMENT ON TYPE status IS 'Where a reading is in review.';

-- Not enforced by DuckDB: scale of amount: more than 2 decimal places are rounded
-- Not enforced by DuckDB: offset of clock: a value with an offset is converted or loses it
-- Not enforced by DuckDB: offset of local_at: a value with an offset is converted or loses it
-- Not enforced by DuckDB: offset of seen_at: a value without an offset is read in a default zone
-- Not enforced by DuckDB: JSON of meta: stores NaN, Infinity and \u0000 in its text, and arrays and objects nested deeper than 31
CREATE TABLE reading (
    id INTEGER NOT NULL PRIMARY KEY,
    code VARCHAR NOT NULL UNIQUE CHECK (length(code) >= 2) CHECK (length(code) <= 8) CHECK (regexp_matches(code, '^[A-Z][A-Z0-9]*$', 's')) CHECK (NOT contains(code, chr(0))),
    note VARCHAR CHECK (NOT contains(note, chr(0))),
    small SMALLINT CHECK (small >= -100) CHECK (small <= 100),
    big BIGINT,
    ratio DOUBLE CHECK (ratio >= 0.0) CHECK (ratio <= 1.0) CHECK (isfinite(ratio)),
    amount DECIMAL(8,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
    flag BOOLEAN NOT NULL DEFAULT FALSE,
    day DATE,
    clock TIME,
    local_at TIMESTAMP,
    seen_at TIMESTAMPTZ CHECK (seen_at >= '0001-01-01 00:00:00+00:00' AND seen_at <= '9999-12-31 23:59:59.999999+00:00'),
    ref UUID,
    meta JSON,
    blob BLOB,
    status status NOT NULL DEFAULT 'placed',
    site VARCHAR CHECK (length(site) <= 10) CHECK (NOT contains(site, chr(0))),
    "from" SMALLINT,
    UNIQUE (site, day)
);
COMMENT ON TABLE reading IS 'One raw reading.';
COMMENT ON COLUMN reading."from" IS 'A keyword as a column name.';

-- Not enforced by DuckDB: scale of value: more than 3 decimal places are rounded
CREATE TABLE line (
    reading_id INTEGER NOT NULL REFERENCES reading (id),
    line_no SMALLINT NOT NULL CHECK (line_no >= 1),
    value DECIMAL(6,3),
    PRIMARY KEY (reading_id, line_no)
);
COMMENT ON TABLE line IS 'A reading''s line; the key has two columns.';
