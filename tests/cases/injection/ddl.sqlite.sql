-- SQLite: foreign keys are enforced only with PRAGMA foreign_keys = ON.
-- SQLite: declared types are affinities; a value of another type is not rejected.
-- SQLite: decimal is NUMERIC (binary floating point beyond 15 digits).

CREATE TABLE "select"
-- Not enforced by SQLite: JSON of json: stores \u0000 and lone surrogates (\ud800) in its text, and arrays and objects nested deeper than 31
-- Not enforced by SQLite: pattern of schema: ^[^'"\\]*$
-- Not enforced by SQLite: offset of datetime: a value without an offset is read in a default zone
-- A table named like a keyword; description with ''' and """ and \n literal
(
    -- */ DROP TABLE users; --
    "from" INTEGER NOT NULL CONSTRAINT pk_select PRIMARY KEY,
    -- |pipe| and <script>alert(1)</script>
    class TEXT NOT NULL DEFAULT 'O''Brien "the" \ one' CONSTRAINT ck_select_class_max_length CHECK (length(class) <= 40) CONSTRAINT ck_select_class_nul CHECK (instr(class, char(0)) = 0),
    json TEXT DEFAULT '{"k''":["\"","\\","\n"]}' CONSTRAINT ck_select_json_json CHECK (json IS NULL OR json_valid(json)),
    -- No quotes, no backslashes.
    schema TEXT CONSTRAINT ck_select_schema_max_length CHECK (length(schema) <= 10000) CONSTRAINT ck_select_schema_nul CHECK (instr(schema, char(0)) = 0),
    model_config TEXT NOT NULL DEFAULT 'it''s' CONSTRAINT ck_select_model_config_enum CHECK (model_config IN ('it''s', 'say "hi"', 'back\slash', 'with space', 'ünïcödé', '--x--')),
    date DATE,
    datetime TIMESTAMPTZ CONSTRAINT ck_select_datetime_instant CHECK (datetime IS NULL OR coalesce(julianday(datetime), 0) >= 1721425.5),
    -- Leading underscore: # not a heading
    -- second line
    _id INTEGER CONSTRAINT ck_select__id_min CHECK (_id >= -2147483648) CONSTRAINT ck_select__id_max CHECK (_id <= 2147483647),
    Mixed INTEGER NOT NULL DEFAULT FALSE CONSTRAINT ck_select_Mixed_boolean CHECK (Mixed IN (0, 1))
);

CREATE TABLE user
-- Another keyword.
(
    key TEXT NOT NULL CONSTRAINT pk_user PRIMARY KEY CONSTRAINT ck_user_key_max_length CHECK (length(key) <= 10) CONSTRAINT ck_user_key_nul CHECK (instr(key, char(0)) = 0),
    "group" INTEGER NOT NULL CONSTRAINT fk_user_group REFERENCES "select" ("from") ON DELETE CASCADE,
    "order" INTEGER NOT NULL DEFAULT 0 CONSTRAINT ck_user_order_min CHECK ("order" >= -5) CONSTRAINT ck_user_order_max CHECK ("order" <= 5)
);
