CREATE TYPE status AS ENUM ('placed', 'shipped', 'in-progress');
COMMENT ON TYPE status IS 'Where a reading is in review.';

-- Not enforced by PostgreSQL: scale of amount: more than 2 decimal places are rounded
-- Not enforced by PostgreSQL: offset of clock: a value with an offset is converted or loses it
-- Not enforced by PostgreSQL: offset of local_at: a value with an offset is converted or loses it
-- Not enforced by PostgreSQL: offset of seen_at: a value without an offset is read in a default zone
-- Not enforced by PostgreSQL: JSON of meta: stores arrays and objects nested deeper than 31
CREATE TABLE reading (
    id integer NOT NULL PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (char_length(code) >= 2) CHECK (char_length(code) <= 8) CHECK (code ~ '^[A-Z][A-Z0-9]*$'),
    note text,
    small smallint CHECK (small >= -100) CHECK (small <= 100),
    big bigint,
    ratio double precision CHECK (ratio >= 0.0) CHECK (ratio <= 1.0) CHECK (ratio NOT IN ('NaN', 'Infinity', '-Infinity')),
    amount numeric(8,2) NOT NULL DEFAULT 0 CHECK (amount >= 0) CHECK (amount NOT IN ('NaN', 'Infinity', '-Infinity')),
    flag boolean NOT NULL DEFAULT FALSE,
    day date,
    clock time,
    local_at timestamp,
    seen_at timestamptz CHECK (seen_at >= '0001-01-01 00:00:00+00:00' AND seen_at <= '9999-12-31 23:59:59.999999+00:00'),
    ref uuid,
    meta jsonb,
    blob bytea,
    status status NOT NULL DEFAULT 'placed',
    site text CHECK (char_length(site) <= 10),
    "from" smallint,
    UNIQUE (site, day)
);
COMMENT ON TABLE reading IS 'One raw reading.';
COMMENT ON COLUMN reading."from" IS 'A keyword as a column name.';

-- Not enforced by PostgreSQL: scale of value: more than 3 decimal places are rounded
CREATE TABLE line (
    reading_id integer NOT NULL REFERENCES reading (id),
    line_no smallint NOT NULL CHECK (line_no >= 1),
    value numeric(6,3) CHECK (value NOT IN ('NaN', 'Infinity', '-Infinity')),
    PRIMARY KEY (reading_id, line_no)
);
COMMENT ON TABLE line IS 'A reading''s line; the key has two columns.';
