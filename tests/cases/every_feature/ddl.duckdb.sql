-- DuckDB: constraint names are not kept (its errors show the expression).

CREATE TYPE level AS ENUM ('low', 'in-progress', '2nd');
COMMENT ON TYPE level IS 'How loud.';

CREATE TYPE yes_no AS ENUM ('yes', 'no', 'on');

-- Not enforced by DuckDB: JSON of json: stores NaN, Infinity and \u0000 in its text, and arrays and objects nested deeper than 31
-- Not enforced by DuckDB: offset of datetime: a value with an offset is converted or loses it
-- Not enforced by DuckDB: offset of t: a value with an offset is converted or loses it
-- Not enforced by DuckDB: offset of tz: a value without an offset is read in a default zone
-- Not enforced by DuckDB: scale of amount: more than 2 decimal places are rounded
CREATE SEQUENCE class_id_seq;
CREATE TABLE class (
    id INTEGER NOT NULL DEFAULT nextval('class_id_seq') CONSTRAINT pk_class PRIMARY KEY,
    def VARCHAR NOT NULL DEFAULT 'abc' CONSTRAINT ck_class_def_min_length CHECK (length(def) >= 2) CONSTRAINT ck_class_def_max_length CHECK (length(def) <= 10) CONSTRAINT ck_class_def_pattern CHECK (regexp_matches(def, '^[a-z]{2,10}$', 's')) CONSTRAINT ck_class_def_nul CHECK (NOT contains(def, chr(0))),
    json JSON DEFAULT '{"a":[1,2.5,true,null,"x"]}',
    schema VARCHAR CONSTRAINT ck_class_schema_nul CHECK (NOT contains(schema, chr(0))),
    model_x DOUBLE NOT NULL DEFAULT 0.5 CONSTRAINT ck_class_model_x_min CHECK (model_x >= -1.5) CONSTRAINT ck_class_model_x_max CHECK (model_x <= 1000.0) CONSTRAINT ck_class_model_x_finite CHECK (isfinite(model_x)),
    date DATE NOT NULL DEFAULT '2024-02-29',
    datetime TIMESTAMP NOT NULL DEFAULT current_localtimestamp(),
    t TIME NOT NULL DEFAULT '23:59:59.999999',
    tz TIMESTAMPTZ NOT NULL DEFAULT '2023-12-31 18:30:00+00:00' CONSTRAINT ck_class_tz_instant CHECK (tz >= '0001-01-01 00:00:00+00:00' AND tz <= '9999-12-31 23:59:59.999999+00:00'),
    u UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    b BLOB NOT NULL DEFAULT from_hex('68656c6c6f'),
    flag BOOLEAN NOT NULL DEFAULT FALSE,
    amount DECIMAL(5,2) NOT NULL DEFAULT -0.5 CONSTRAINT ck_class_amount_min CHECK (amount >= -999.99) CONSTRAINT ck_class_amount_max CHECK (amount <= 999),
    small SMALLINT NOT NULL DEFAULT 16 CONSTRAINT ck_class_small_min CHECK (small >= -32768) CONSTRAINT ck_class_small_max CHECK (small <= 32767),
    big BIGINT NOT NULL DEFAULT 9223372036854775807,
    lvl level NOT NULL DEFAULT 'in-progress',
    answer yes_no,
    CONSTRAINT uq_class_def_lvl UNIQUE (def, lvl)
);
COMMENT ON TABLE class IS 'A table named like a Python keyword.';
CREATE INDEX ix_class_date ON class (date, lvl);
CREATE UNIQUE INDEX ux_class_small ON class (small);

-- Not enforced by DuckDB: ON DELETE SET NULL of (parent_id) -> class: not supported, NO ACTION instead
-- Not enforced by DuckDB: ON UPDATE CASCADE of (parent_id) -> class: not supported, NO ACTION instead
-- Not enforced by DuckDB: ON DELETE SET DEFAULT of (def, lvl) -> class: not supported, NO ACTION instead
CREATE TABLE child (
    parent_id INTEGER CONSTRAINT fk_child_parent_id REFERENCES class (id),
    def VARCHAR NOT NULL DEFAULT 'xy' CONSTRAINT ck_child_def_max_length CHECK (length(def) <= 10) CONSTRAINT ck_child_def_nul CHECK (NOT contains(def, chr(0))),
    lvl level NOT NULL DEFAULT 'low',
    seq SMALLINT NOT NULL CONSTRAINT pk_child PRIMARY KEY,
    CONSTRAINT fk_child_lvl_def FOREIGN KEY (def, lvl) REFERENCES class (def, lvl)
);
