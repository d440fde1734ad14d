-- SQLite: foreign keys are enforced only with PRAGMA foreign_keys = ON.
-- SQLite: declared types are affinities; a value of another type is not rejected.
-- SQLite: decimal is NUMERIC (binary floating point beyond 15 digits).

CREATE TABLE class
-- Not enforced by SQLite: pattern of def: ^[a-z]{2,10}$
-- Not enforced by SQLite: JSON of json: stores \u0000 and lone surrogates (\ud800) in its text, and arrays and objects nested deeper than 31
-- Not enforced by SQLite: offset of datetime: a value with an offset is converted or loses it
-- Not enforced by SQLite: offset of t: a value with an offset is converted or loses it
-- Not enforced by SQLite: offset of tz: a value without an offset is read in a default zone
-- Not enforced by SQLite: scale of amount: a value is compared as a double, so places past 15 significant digits are not seen
-- A table named like a Python keyword.
(
    id INTEGER NOT NULL CONSTRAINT pk_class PRIMARY KEY CONSTRAINT ck_class_id_min CHECK (id >= -2147483648) CONSTRAINT ck_class_id_max CHECK (id <= 2147483647),
    def TEXT NOT NULL DEFAULT 'abc' CONSTRAINT ck_class_def_min_length CHECK (length(def) >= 2) CONSTRAINT ck_class_def_max_length CHECK (length(def) <= 10) CONSTRAINT ck_class_def_nul CHECK (instr(def, char(0)) = 0),
    json TEXT DEFAULT '{"a":[1,2.5,true,null,"x"]}' CONSTRAINT ck_class_json_json CHECK (json IS NULL OR json_valid(json)),
    schema TEXT CONSTRAINT ck_class_schema_nul CHECK (instr(schema, char(0)) = 0),
    model_x REAL NOT NULL DEFAULT 0.5 CONSTRAINT ck_class_model_x_min CHECK (model_x >= -1.5) CONSTRAINT ck_class_model_x_max CHECK (model_x <= 1000.0) CONSTRAINT ck_class_model_x_finite CHECK (model_x NOT IN (9e999, -9e999)),
    date DATE NOT NULL DEFAULT '2024-02-29',
    datetime TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    t TIME NOT NULL DEFAULT '23:59:59.999999',
    tz TIMESTAMPTZ NOT NULL DEFAULT '2023-12-31 18:30:00+00:00' CONSTRAINT ck_class_tz_instant CHECK (tz IS NULL OR coalesce(julianday(tz), 0) >= 1721425.5),
    u UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    b BLOB NOT NULL DEFAULT X'68656C6C6F',
    flag INTEGER NOT NULL DEFAULT FALSE CONSTRAINT ck_class_flag_boolean CHECK (flag IN (0, 1)),
    amount NUMERIC(5,2) NOT NULL DEFAULT -0.5 CONSTRAINT ck_class_amount_min CHECK (amount >= -999.99) CONSTRAINT ck_class_amount_max CHECK (amount <= 999) CONSTRAINT ck_class_amount_precision CHECK (abs(amount) < 1000) CONSTRAINT ck_class_amount_scale CHECK (amount = round(amount, 2)) CONSTRAINT ck_class_amount_finite CHECK (typeof(amount) IN ('integer', 'real', 'null')),
    small INTEGER NOT NULL DEFAULT 16 CONSTRAINT ck_class_small_min CHECK (small >= -32768) CONSTRAINT ck_class_small_max CHECK (small <= 32767),
    big INTEGER NOT NULL DEFAULT 9223372036854775807,
    lvl TEXT NOT NULL DEFAULT 'in-progress' CONSTRAINT ck_class_lvl_enum CHECK (lvl IN ('low', 'in-progress', '2nd')),
    answer TEXT CONSTRAINT ck_class_answer_enum CHECK (answer IN ('yes', 'no', 'on')),
    CONSTRAINT uq_class_def_lvl UNIQUE (def, lvl)
);
CREATE INDEX ix_class_date ON class (date, lvl);
CREATE UNIQUE INDEX ux_class_small ON class (small);

CREATE TABLE child (
    parent_id INTEGER CONSTRAINT ck_child_parent_id_min CHECK (parent_id >= -2147483648) CONSTRAINT ck_child_parent_id_max CHECK (parent_id <= 2147483647) CONSTRAINT fk_child_parent_id REFERENCES class (id) ON DELETE SET NULL ON UPDATE CASCADE,
    def TEXT NOT NULL DEFAULT 'xy' CONSTRAINT ck_child_def_max_length CHECK (length(def) <= 10) CONSTRAINT ck_child_def_nul CHECK (instr(def, char(0)) = 0),
    lvl TEXT NOT NULL DEFAULT 'low' CONSTRAINT ck_child_lvl_enum CHECK (lvl IN ('low', 'in-progress', '2nd')),
    seq INTEGER NOT NULL CONSTRAINT pk_child PRIMARY KEY CONSTRAINT ck_child_seq_min CHECK (seq >= -32768) CONSTRAINT ck_child_seq_max CHECK (seq <= 32767),
    CONSTRAINT fk_child_lvl_def FOREIGN KEY (def, lvl) REFERENCES class (def, lvl) ON DELETE SET DEFAULT
);
