CREATE TYPE status AS ENUM ('placed', 'shipped', 'in-progress');
COMMENT ON TYPE status IS 'Where a reading is in review.';

-- Not enforced by PostgreSQL: scale of amount: more than 2 decimal places are rounded
-- Not enforced by PostgreSQL: offset of clock: a value with an offset is converted or loses it
-- Not enforced by PostgreSQL: offset of local_at: a value with an offset is converted or loses it
-- Not enforced by PostgreSQL: offset of seen_at: a value without an offset is read in a default zone
-- Not enforced by PostgreSQL: JSON of meta: stores arrays and objects nested deeper than 31
CREATE TABLE reading (
    id integer NOT NULL CONSTRAINT pk_reading PRIMARY KEY,
    code text NOT NULL CONSTRAINT uq_reading_code UNIQUE CONSTRAINT ck_reading_code_min_length CHECK (char_length(code) >= 2) CONSTRAINT ck_reading_code_max_length CHECK (char_length(code) <= 8) CONSTRAINT ck_reading_code_pattern CHECK (code ~ '^[A-Z][A-Z0-9]*$'),
    note text,
    small smallint CONSTRAINT ck_reading_small_min CHECK (small >= -100) CONSTRAINT ck_reading_small_max CHECK (small <= 100),
    big bigint,
    ratio double precision CONSTRAINT ck_reading_ratio_min CHECK (ratio >= 0.0) CONSTRAINT ck_reading_ratio_max CHECK (ratio <= 1.0) CONSTRAINT ck_reading_ratio_finite CHECK (ratio NOT IN ('NaN', 'Infinity', '-Infinity')),
    amount numeric(8,2) NOT NULL DEFAULT 0 CONSTRAINT ck_reading_amount_min CHECK (amount >= 0) CONSTRAINT ck_reading_amount_finite CHECK (amount NOT IN ('NaN', 'Infinity', '-Infinity')),
    flag boolean NOT NULL DEFAULT FALSE,
    day date,
    clock time,
    local_at timestamp,
    seen_at timestamptz CONSTRAINT ck_reading_seen_at_instant CHECK (seen_at >= '0001-01-01 00:00:00+00:00' AND seen_at <= '9999-12-31 23:59:59.999999+00:00'),
    ref uuid,
    meta jsonb,
    blob bytea,
    status status NOT NULL DEFAULT 'placed',
    site text CONSTRAINT ck_reading_site_max_length CHECK (char_length(site) <= 10),
    "from" smallint,
    CONSTRAINT uq_reading_site_day UNIQUE (site, day)
);
COMMENT ON TABLE reading IS 'One raw reading.';
COMMENT ON COLUMN reading."from" IS 'A keyword as a column name.';

-- Not enforced by PostgreSQL: scale of value: more than 3 decimal places are rounded
CREATE TABLE line (
    reading_id integer NOT NULL CONSTRAINT fk_line_reading_id REFERENCES reading (id),
    line_no smallint NOT NULL CONSTRAINT ck_line_line_no_min CHECK (line_no >= 1),
    value numeric(6,3) CONSTRAINT ck_line_value_finite CHECK (value NOT IN ('NaN', 'Infinity', '-Infinity')),
    CONSTRAINT pk_line PRIMARY KEY (reading_id, line_no)
);
COMMENT ON TABLE line IS 'A reading''s line; the key has two columns.';
